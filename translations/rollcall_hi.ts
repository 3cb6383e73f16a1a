<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="hi_IN">
<context>
    <name>ModelImporter</name>
    <message>
        <source>%1 is not a file.</source>
        <translation>%1 कोई फ़ाइल नहीं है।</translation>
    </message>
    <message>
        <source>Cannot read %1.</source>
        <translation>%1 को पढ़ा नहीं जा सका।</translation>
    </message>
    <message>
        <source>%1 is not one of the model files RollCall needs (its SHA-256 checksum matches none of them). Check that it is the right file and version.</source>
        <translation>%1 उन मॉडल फ़ाइलों में से नहीं है जिनकी RollCall को ज़रूरत है (इसका SHA-256 चेकसम किसी से मेल नहीं खाता)। जाँच लें कि फ़ाइल और उसका संस्करण सही हैं।</translation>
    </message>
    <message>
        <source>Cannot create the models folder %1.</source>
        <translation>मॉडल फ़ोल्डर %1 नहीं बनाया जा सका।</translation>
    </message>
    <message>
        <source>Cannot copy %1 to %2.</source>
        <translation>%1 को %2 में कॉपी नहीं किया जा सका।</translation>
    </message>
    <message>
        <source>The copy of %1 in %2 is damaged (disk full?).</source>
        <translation>%2 में %1 की कॉपी ख़राब है (क्या डिस्क भर गई है?)।</translation>
    </message>
    <message>
        <source>Cannot move %1 into place: %2</source>
        <translation>%1 को उसकी जगह पर नहीं रखा जा सका: %2</translation>
    </message>
</context>
<context>
    <name>QFileDialog</name>
    <message>
        <source>Look in:</source>
        <translation>यहाँ देखें:</translation>
    </message>
    <message>
        <source>File &amp;name:</source>
        <translation>फ़ाइल का नाम (&amp;N):</translation>
    </message>
    <message>
        <source>Files of type:</source>
        <translation>फ़ाइल का प्रकार:</translation>
    </message>
    <message>
        <source>&amp;Open</source>
        <translation>खोलें (&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>सहेजें (&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Choose</source>
        <translation>चुनें (&amp;C)</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>खोलें</translation>
    </message>
    <message>
        <source>Save As</source>
        <translation>इस रूप में सहेजें</translation>
    </message>
    <message>
        <source>Find Directory</source>
        <translation>फ़ोल्डर खोजें</translation>
    </message>
    <message>
        <source>Directory:</source>
        <translation>फ़ोल्डर:</translation>
    </message>
    <message>
        <source>Directories</source>
        <translation>फ़ोल्डर</translation>
    </message>
    <message>
        <source>Files</source>
        <translation>फ़ाइलें</translation>
    </message>
    <message>
        <source>All Files (*)</source>
        <translation>सभी फ़ाइलें (*)</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>सभी फ़ाइलें (*)</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>पीछे</translation>
    </message>
    <message>
        <source>Forward</source>
        <translation>आगे</translation>
    </message>
    <message>
        <source>Parent Directory</source>
        <translation>ऊपर वाला फ़ोल्डर</translation>
    </message>
    <message>
        <source>Go back</source>
        <translation>पीछे जाएँ</translation>
    </message>
    <message>
        <source>Go forward</source>
        <translation>आगे जाएँ</translation>
    </message>
    <message>
        <source>Go to the parent directory</source>
        <translation>ऊपर वाले फ़ोल्डर में जाएँ</translation>
    </message>
    <message>
        <source>Create New Folder</source>
        <translation>नया फ़ोल्डर बनाएँ</translation>
    </message>
    <message>
        <source>Create a New Folder</source>
        <translation>एक नया फ़ोल्डर बनाएँ</translation>
    </message>
    <message>
        <source>New Folder</source>
        <translation>नया फ़ोल्डर</translation>
    </message>
    <message>
        <source>&amp;New Folder</source>
        <translation>नया फ़ोल्डर (&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Rename</source>
        <translation>नाम बदलें (&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>हटाएँ (&amp;D)</translation>
    </message>
    <message>
        <source>Show &amp;hidden files</source>
        <translation>छिपी फ़ाइलें दिखाएँ (&amp;H)</translation>
    </message>
    <message>
        <source>List View</source>
        <translation>सूची दृश्य</translation>
    </message>
    <message>
        <source>Detail View</source>
        <translation>विवरण दृश्य</translation>
    </message>
    <message>
        <source>Change to list view mode</source>
        <translation>सूची दृश्य पर जाएँ</translation>
    </message>
    <message>
        <source>Change to detail view mode</source>
        <translation>विवरण दृश्य पर जाएँ</translation>
    </message>
    <message>
        <source>Recent Places</source>
        <translation>हाल के स्थान</translation>
    </message>
    <message>
        <source>Sidebar</source>
        <translation>साइडबार</translation>
    </message>
    <message>
        <source>Are you sure you want to delete &apos;%1&apos;?</source>
        <translation>क्या आप सचमुच &apos;%1&apos; को हटाना चाहते हैं?</translation>
    </message>
    <message>
        <source>%1 already exists.
Do you want to replace it?</source>
        <translation>%1 पहले से मौजूद है।
क्या आप इसे बदलना चाहते हैं?</translation>
    </message>
    <message>
        <source>%1
File not found.
Please verify the correct file name was given.</source>
        <translation>%1
फ़ाइल नहीं मिली।
कृपया जाँच लें कि फ़ाइल का नाम सही दिया गया है।</translation>
    </message>
    <message>
        <source>%1
Directory not found.
Please verify the correct directory name was given.</source>
        <translation>%1
फ़ोल्डर नहीं मिला।
कृपया जाँच लें कि फ़ोल्डर का नाम सही दिया गया है।</translation>
    </message>
</context>
<context>
    <name>QFileSystemModel</name>
    <message>
        <source>Name</source>
        <translation>नाम</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>आकार</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>प्रकार</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>किस्म</translation>
    </message>
    <message>
        <source>Date Modified</source>
        <translation>बदलाव की तिथि</translation>
    </message>
    <message>
        <source>Computer</source>
        <translation>कंप्यूटर</translation>
    </message>
    <message>
        <source>My Computer</source>
        <translation>मेरा कंप्यूटर</translation>
    </message>
</context>
<context>
    <name>QInputDialog</name>
    <message>
        <source>Enter a value:</source>
        <translation>एक मान दर्ज करें:</translation>
    </message>
</context>
<context>
    <name>QLineEdit</name>
    <message>
        <source>&amp;Undo</source>
        <translation>पूर्ववत करें (&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>फिर से करें (&amp;R)</translation>
    </message>
    <message>
        <source>Cu&amp;t</source>
        <translation>काटें (&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>कॉपी करें (&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Paste</source>
        <translation>चिपकाएँ (&amp;P)</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>हटाएँ</translation>
    </message>
    <message>
        <source>Select All</source>
        <translation>सभी चुनें</translation>
    </message>
</context>
<context>
    <name>QMessageBox</name>
    <message>
        <source>Show Details...</source>
        <translation>विवरण दिखाएँ...</translation>
    </message>
    <message>
        <source>Hide Details...</source>
        <translation>विवरण छिपाएँ...</translation>
    </message>
    <message>
        <source>About Qt</source>
        <translation>Qt के बारे में</translation>
    </message>
</context>
<context>
    <name>QPlatformTheme</name>
    <message>
        <source>OK</source>
        <translation>ठीक है</translation>
    </message>
    <message>
        <source>&amp;No</source>
        <translation>नहीं (&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Yes</source>
        <translation>हाँ (&amp;Y)</translation>
    </message>
    <message>
        <source>Help</source>
        <translation>सहायता</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>खोलें</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>सहेजें</translation>
    </message>
    <message>
        <source>Abort</source>
        <translation>निरस्त करें</translation>
    </message>
    <message>
        <source>Apply</source>
        <translation>लागू करें</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>बंद करें</translation>
    </message>
    <message>
        <source>Reset</source>
        <translation>रीसेट करें</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>फिर से कोशिश करें</translation>
    </message>
    <message>
        <source>Restore Defaults</source>
        <translation>डिफ़ॉल्ट बहाल करें</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>रद्द करें</translation>
    </message>
    <message>
        <source>Ignore</source>
        <translation>अनदेखा करें</translation>
    </message>
    <message>
        <source>N&amp;o to All</source>
        <translation>सभी के लिए नहीं (&amp;O)</translation>
    </message>
    <message>
        <source>Save All</source>
        <translation>सभी सहेजें</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>छोड़ दें</translation>
    </message>
    <message>
        <source>Yes to &amp;All</source>
        <translation>सभी के लिए हाँ (&amp;A)</translation>
    </message>
</context>
<context>
    <name>QProgressDialog</name>
    <message>
        <source>Cancel</source>
        <translation>रद्द करें</translation>
    </message>
</context>
<context>
    <name>QWidgetTextControl</name>
    <message>
        <source>&amp;Undo</source>
        <translation>पूर्ववत करें (&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>फिर से करें (&amp;R)</translation>
    </message>
    <message>
        <source>Cu&amp;t</source>
        <translation>काटें (&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>कॉपी करें (&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Paste</source>
        <translation>चिपकाएँ (&amp;P)</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>हटाएँ</translation>
    </message>
    <message>
        <source>Select All</source>
        <translation>सभी चुनें</translation>
    </message>
    <message>
        <source>Copy &amp;Link Location</source>
        <translation>लिंक का पता कॉपी करें (&amp;L)</translation>
    </message>
</context>
<context>
    <name>QWizard</name>
    <message>
        <source>&lt; &amp;Back</source>
        <translation>&lt; पीछे (&amp;B)</translation>
    </message>
    <message>
        <source>&amp;Next &gt;</source>
        <translation>आगे (&amp;N) &gt;</translation>
    </message>
    <message>
        <source>&amp;Next</source>
        <translation>आगे (&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Finish</source>
        <translation>समाप्त करें (&amp;F)</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>रद्द करें</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>सहायता (&amp;H)</translation>
    </message>
    <message>
        <source>Help</source>
        <translation>सहायता</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>हो गया</translation>
    </message>
    <message>
        <source>Continue</source>
        <translation>जारी रखें</translation>
    </message>
    <message>
        <source>Commit</source>
        <translation>पक्का करें</translation>
    </message>
    <message>
        <source>Go Back</source>
        <translation>पीछे जाएँ</translation>
    </message>
</context>
<context>
    <name>rollcall::AboutDialog</name>
    <message>
        <source>About RollCall</source>
        <translation>RollCall के बारे में</translation>
    </message>
    <message>
        <source>&lt;h2&gt;RollCall %1&lt;/h2&gt;</source>
        <translation>&lt;h2&gt;RollCall %1&lt;/h2&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;Class attendance from a single classroom photo.&lt;/p&gt;&lt;p&gt;Built with Qt %1, OpenCV %2 and dlib %3.&lt;br&gt;Compute device: %4&lt;/p&gt;&lt;p&gt;Data folder: %5&lt;br&gt;Models folder: %6&lt;/p&gt;&lt;p&gt;Faces are recognised on this computer; no photo leaves it unless you set up synchronisation with your department&apos;s server.&lt;/p&gt;&lt;p&gt;RollCall is built on open-source libraries and models; see &lt;b&gt;Licences&lt;/b&gt; for what each one allows.&lt;/p&gt;</source>
        <translation>&lt;p&gt;कक्षा की एक ही तस्वीर से उपस्थिति।&lt;/p&gt;&lt;p&gt;Qt %1, OpenCV %2 और dlib %3 से निर्मित।&lt;br&gt;गणना उपकरण: %4&lt;/p&gt;&lt;p&gt;डेटा फ़ोल्डर: %5&lt;br&gt;मॉडल फ़ोल्डर: %6&lt;/p&gt;&lt;p&gt;चेहरों की पहचान इसी कंप्यूटर पर होती है; जब तक आप अपने विभाग के सर्वर के साथ सिंक्रनाइज़ेशन सेट नहीं करते, कोई भी तस्वीर इस कंप्यूटर से बाहर नहीं जाती।&lt;/p&gt;&lt;p&gt;RollCall ओपन-सोर्स लाइब्रेरियों और मॉडलों पर बना है; हर एक किस बात की अनुमति देता है, यह &lt;b&gt;लाइसेंस&lt;/b&gt; में देखें।&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&amp;Licences…</source>
        <translation>लाइसेंस (&amp;L)…</translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation>Qt के बारे में (&amp;Q)</translation>
    </message>
</context>
<context>
    <name>rollcall::FirstRunDialog</name>
    <message>
        <source>Face recognition models</source>
        <translation>चेहरा पहचान मॉडल</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>मॉडल</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>आकार</translation>
    </message>
    <message>
        <source>State</source>
        <translation>स्थिति</translation>
    </message>
    <message>
        <source>e.g. http://models.my-college.edu/rollcall/ or a shared folder</source>
        <translation>जैसे http://models.my-college.edu/rollcall/ या कोई साझा फ़ोल्डर</translation>
    </message>
    <message>
        <source>Where your department keeps the model files. Leave empty to use each model&apos;s public address; only some models have one.</source>
        <translation>जहाँ आपका विभाग मॉडल फ़ाइलें रखता है। हर मॉडल का सार्वजनिक पता इस्तेमाल करने के लिए इसे ख़ाली छोड़ दें; यह पता केवल कुछ मॉडलों का होता है।</translation>
    </message>
    <message>
        <source>Do not show this again at start-up</source>
        <translation>शुरू होते समय इसे फिर न दिखाएँ</translation>
    </message>
    <message>
        <source>&amp;Download</source>
        <translation>डाउनलोड करें (&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Stop download</source>
        <translation>डाउनलोड रोकें (&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Choose files…</source>
        <translation>फ़ाइलें चुनें (&amp;C)…</translation>
    </message>
    <message>
        <source>Continue &amp;without models</source>
        <translation>मॉडल के बिना जारी रखें (&amp;W)</translation>
    </message>
    <message>
        <source>Downloading %1 of %2: %3…</source>
        <translation>%2 में से %1 डाउनलोड हो रहा है: %3…</translation>
    </message>
    <message>
        <source>%1 of %2 MB</source>
        <translation>%2 MB में से %1 MB</translation>
    </message>
    <message>
        <source>Download from:</source>
        <translation>यहाँ से डाउनलोड करें:</translation>
    </message>
    <message>
        <source>Models folder: %1</source>
        <translation>मॉडल फ़ोल्डर: %1</translation>
    </message>
    <message>
        <source>installed</source>
        <translation>इंस्टॉल है</translation>
    </message>
    <message>
        <source>missing</source>
        <translation>उपलब्ध नहीं</translation>
    </message>
    <message>
        <source>damaged or wrong version</source>
        <translation>ख़राब या ग़लत संस्करण</translation>
    </message>
    <message>
        <source>%1 — licence: %2</source>
        <translation>%1 — लाइसेंस: %2</translation>
    </message>
    <message>
        <source>%1 MB</source>
        <translation>%1 MB</translation>
    </message>
    <message>
        <source>&lt;p&gt;All the models RollCall needs are installed and verified.&lt;/p&gt;</source>
        <translation>&lt;p&gt;RollCall के लिए ज़रूरी सभी मॉडल इंस्टॉल और सत्यापित हैं।&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;b&gt;RollCall is ready to take attendance.&lt;/b&gt;</source>
        <translation>&lt;b&gt;RollCall उपस्थिति लेने के लिए तैयार है।&lt;/b&gt;</translation>
    </message>
    <message>
        <source>&amp;Continue</source>
        <translation>जारी रखें (&amp;C)</translation>
    </message>
    <message numerus="yes">
        <source>&lt;p&gt;RollCall needs %n model file(s) to find and recognise faces (%1 MB to download). They are not included with the program because of their size and licences.&lt;/p&gt;&lt;p&gt;Download them now, or choose the files if your department gave them to you (on a USB stick or a shared folder). Until then RollCall opens normally, but it cannot take attendance from photos.&lt;/p&gt;</source>
        <translation>
            <numerusform>&lt;p&gt;चेहरे ढूँढने और पहचानने के लिए RollCall को %n मॉडल फ़ाइल चाहिए (%1 MB डाउनलोड)। आकार और लाइसेंस के कारण यह प्रोग्राम के साथ शामिल नहीं है।&lt;/p&gt;&lt;p&gt;इसे अभी डाउनलोड करें, या अगर आपके विभाग ने फ़ाइल दी है (USB स्टिक या साझा फ़ोल्डर में) तो उसे चुनें। तब तक RollCall सामान्य रूप से खुलता है, पर तस्वीरों से उपस्थिति नहीं ले सकता।&lt;/p&gt;</numerusform>
            <numerusform>&lt;p&gt;चेहरे ढूँढने और पहचानने के लिए RollCall को %n मॉडल फ़ाइलें चाहिए (%1 MB डाउनलोड)। आकार और लाइसेंस के कारण ये प्रोग्राम के साथ शामिल नहीं हैं।&lt;/p&gt;&lt;p&gt;इन्हें अभी डाउनलोड करें, या अगर आपके विभाग ने फ़ाइलें दी हैं (USB स्टिक या साझा फ़ोल्डर में) तो उन्हें चुनें। तब तक RollCall सामान्य रूप से खुलता है, पर तस्वीरों से उपस्थिति नहीं ले सकता।&lt;/p&gt;</numerusform>
        </translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>कनेक्ट हो रहा है…</translation>
    </message>
    <message>
        <source>Download stopped. What was received is kept; &lt;b&gt;Download&lt;/b&gt; continues from there.</source>
        <translation>डाउनलोड रोक दिया गया। जितना मिल चुका है वह रखा गया है; &lt;b&gt;डाउनलोड करें&lt;/b&gt; वहीं से आगे बढ़ेगा।</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;The download did not complete.&lt;/b&gt; %1&lt;/p&gt;&lt;p&gt;What you can do:&lt;/p&gt;&lt;ul&gt;&lt;li&gt;Check the network connection and press &lt;b&gt;Download&lt;/b&gt; again; it continues where it stopped.&lt;/li&gt;&lt;li&gt;Ask your department for the model files or for the address of its model server, and enter that address above.&lt;/li&gt;&lt;li&gt;Copy the files from another computer and install them with &lt;b&gt;Choose files…&lt;/b&gt;.&lt;/li&gt;&lt;li&gt;Administrators can run &lt;tt&gt;scripts/fetch-models.sh&lt;/tt&gt; or set a shared models folder (see docs/install.md).&lt;/li&gt;&lt;/ul&gt;&lt;p&gt;You can close this window: RollCall works without the models, except for taking attendance from photos.&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;डाउनलोड पूरा नहीं हुआ।&lt;/b&gt; %1&lt;/p&gt;&lt;p&gt;आप यह कर सकते हैं:&lt;/p&gt;&lt;ul&gt;&lt;li&gt;नेटवर्क कनेक्शन जाँचें और फिर से &lt;b&gt;डाउनलोड करें&lt;/b&gt; दबाएँ; डाउनलोड वहीं से आगे बढ़ेगा जहाँ रुका था।&lt;/li&gt;&lt;li&gt;अपने विभाग से मॉडल फ़ाइलें या उसके मॉडल सर्वर का पता माँगें, और वह पता ऊपर दर्ज करें।&lt;/li&gt;&lt;li&gt;फ़ाइलें किसी दूसरे कंप्यूटर से कॉपी करें और &lt;b&gt;फ़ाइलें चुनें…&lt;/b&gt; से इंस्टॉल करें।&lt;/li&gt;&lt;li&gt;व्यवस्थापक &lt;tt&gt;scripts/fetch-models.sh&lt;/tt&gt; चला सकते हैं या एक साझा मॉडल फ़ोल्डर सेट कर सकते हैं (docs/install.md देखें)।&lt;/li&gt;&lt;/ul&gt;&lt;p&gt;आप यह विंडो बंद कर सकते हैं: तस्वीरों से उपस्थिति लेने के अलावा RollCall मॉडल के बिना भी काम करता है।&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Choose model files</source>
        <translation>मॉडल फ़ाइलें चुनें</translation>
    </message>
    <message>
        <source>Model files (*.dat *.onnx);;All files (*)</source>
        <translation>मॉडल फ़ाइलें (*.dat *.onnx);;सभी फ़ाइलें (*)</translation>
    </message>
    <message>
        <source>&lt;p&gt;Installed: %1.&lt;/p&gt;</source>
        <translation>&lt;p&gt;इंस्टॉल किए गए: %1।&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;RollCall is ready to take attendance.&lt;/b&gt;&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;RollCall उपस्थिति लेने के लिए तैयार है।&lt;/b&gt;&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>rollcall::MainWindow</name>
    <message>
        <source>RollCall</source>
        <translation>RollCall — उपस्थिति</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>फ़ाइल (&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>बाहर निकलें (&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>सहायता (&amp;H)</translation>
    </message>
    <message>
        <source>&amp;About RollCall</source>
        <translation>RollCall के बारे में (&amp;A)</translation>
    </message>
    <message>
        <source>Model &amp;licences…</source>
        <translation>मॉडल लाइसेंस (&amp;L)…</translation>
    </message>
    <message>
        <source>Database: %1</source>
        <translation>डेटाबेस: %1</translation>
    </message>
    <message numerus="yes">
        <source>Models: %n missing</source>
        <translation>
            <numerusform>मॉडल: %n उपलब्ध नहीं</numerusform>
            <numerusform>मॉडल: %n उपलब्ध नहीं</numerusform>
        </translation>
    </message>
    <message>
        <source>Device: %1</source>
        <translation>उपकरण: %1</translation>
    </message>
    <message>
        <source>Database</source>
        <translation>डेटाबेस</translation>
    </message>
    <message>
        <source>The database could not be opened:
%1

Nothing was changed. Restore a backup (File ▸ Restore…) or start RollCall with another data folder (--data-dir).</source>
        <translation>डेटाबेस नहीं खुल सका:
%1

कुछ भी नहीं बदला गया। बैकअप पुनर्स्थापित करें (फ़ाइल ▸ पुनर्स्थापित करें…) या RollCall को किसी दूसरे डेटा फ़ोल्डर (--data-dir) के साथ शुरू करें।</translation>
    </message>
    <message>
        <source>&amp;Backup…</source>
        <translation>बैकअप (&amp;B)…</translation>
    </message>
    <message>
        <source>&amp;Restore…</source>
        <translation>पुनर्स्थापित करें (&amp;R)…</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>सेटिंग्स (&amp;S)…</translation>
    </message>
    <message>
        <source>&amp;Students</source>
        <translation>विद्यार्थी (&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Register student…</source>
        <translation>विद्यार्थी पंजीकृत करें (&amp;R)…</translation>
    </message>
    <message>
        <source>New &amp;class…</source>
        <translation>नई कक्षा (&amp;C)…</translation>
    </message>
    <message>
        <source>&amp;Import roster…</source>
        <translation>सूची आयात करें (&amp;I)…</translation>
    </message>
    <message>
        <source>&amp;Manage students</source>
        <translation>विद्यार्थियों का प्रबंधन (&amp;M)</translation>
    </message>
    <message>
        <source>&amp;Attendance</source>
        <translation>उपस्थिति (&amp;A)</translation>
    </message>
    <message>
        <source>Mark from &amp;photo…</source>
        <translation>फ़ोटो से उपस्थिति (&amp;P)…</translation>
    </message>
    <message>
        <source>Mark from &amp;webcam…</source>
        <translation>वेबकैम से उपस्थिति (&amp;W)…</translation>
    </message>
    <message>
        <source>&amp;Sessions</source>
        <translation>सत्र (&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Dashboard</source>
        <translation>डैशबोर्ड (&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Reports</source>
        <translation>रिपोर्ट (&amp;R)</translation>
    </message>
    <message>
        <source>S&amp;ync</source>
        <translation>सिंक (&amp;Y)</translation>
    </message>
    <message>
        <source>Main</source>
        <translation>मुख्य</translation>
    </message>
    <message>
        <source>Dashboard</source>
        <translation>डैशबोर्ड</translation>
    </message>
    <message>
        <source>Students</source>
        <translation>विद्यार्थी</translation>
    </message>
    <message>
        <source>Sessions</source>
        <translation>सत्र</translation>
    </message>
    <message>
        <source>Database: not open (%1)</source>
        <translation>डेटाबेस: खुला नहीं (%1)</translation>
    </message>
    <message>
        <source>Models: %1</source>
        <translation>मॉडल: %1</translation>
    </message>
    <message>
        <source>none</source>
        <translation>कोई नहीं</translation>
    </message>
    <message>
        <source>Models folder: %1</source>
        <translation>मॉडल फ़ोल्डर: %1</translation>
    </message>
    <message>
        <source>The database is not open: %1</source>
        <translation>डेटाबेस खुला नहीं है: %1</translation>
    </message>
</context>
<context>
    <name>rollcall::ModelDownloader</name>
    <message>
        <source>Cannot create the models folder %1.</source>
        <translation>मॉडल फ़ोल्डर %1 नहीं बनाया जा सका।</translation>
    </message>
    <message>
        <source>There is no download address for %1 (%2). Enter your department&apos;s model server address, or choose the file if you already have it.</source>
        <translation>%1 (%2) के लिए कोई डाउनलोड पता नहीं है। अपने विभाग के मॉडल सर्वर का पता दर्ज करें, या अगर फ़ाइल आपके पास पहले से है तो उसे चुनें।</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>%1 में लिखा नहीं जा सका: %2</translation>
    </message>
    <message>
        <source>Could not download %1 from %2: %3</source>
        <translation>%1 को %2 से डाउनलोड नहीं किया जा सका: %3</translation>
    </message>
    <message>
        <source>The downloaded %1 does not match its SHA-256 checksum (expected %2, got %3). It was not installed; the server may hold a different or damaged file.</source>
        <translation>डाउनलोड की गई %1 अपने SHA-256 चेकसम से मेल नहीं खाती (अपेक्षित %2, मिला %3)। इसे इंस्टॉल नहीं किया गया; हो सकता है सर्वर पर कोई दूसरी या ख़राब फ़ाइल हो।</translation>
    </message>
    <message>
        <source>Cannot move %1 into place: %2</source>
        <translation>%1 को उसकी जगह पर नहीं रखा जा सका: %2</translation>
    </message>
</context>
<context>
    <name>rollcall::ModelLicencesDialog</name>
    <message>
        <source>Model and library licences</source>
        <translation>मॉडल और लाइब्रेरी लाइसेंस</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;Facenet512&lt;/b&gt; is not shipped with RollCall: you supply the file. The Keras weights distributed by deepface are under the MIT licence, as are facenet-pytorch&apos;s; conversions made by others may come with other terms. &lt;b&gt;Check the licence of the file you supply&lt;/b&gt; before using it.&lt;/p&gt;&lt;p&gt;The photos of students you register are personal data: your institution decides who may see them and for how long they are kept.&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;Facenet512&lt;/b&gt; RollCall के साथ नहीं आता: फ़ाइल आप स्वयं देते हैं। deepface द्वारा वितरित Keras वेट MIT लाइसेंस के अंतर्गत हैं, और facenet-pytorch के भी; दूसरों द्वारा बदले गए रूपांतरणों की शर्तें अलग हो सकती हैं। इस्तेमाल से पहले &lt;b&gt;आप जो फ़ाइल दे रहे हैं उसका लाइसेंस जाँच लें&lt;/b&gt;।&lt;/p&gt;&lt;p&gt;आप जिन छात्रों की तस्वीरें पंजीकृत करते हैं वे व्यक्तिगत डेटा हैं: उन्हें कौन देख सकता है और वे कितने समय तक रखी जाएँगी, यह आपकी संस्था तय करती है।&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Models</source>
        <translation>मॉडल</translation>
    </message>
    <message>
        <source>Libraries</source>
        <translation>लाइब्रेरियाँ</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>मॉडल</translation>
    </message>
    <message>
        <source>File</source>
        <translation>फ़ाइल</translation>
    </message>
    <message>
        <source>Licence</source>
        <translation>लाइसेंस</translation>
    </message>
    <message>
        <source>Installed</source>
        <translation>इंस्टॉल है</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>हाँ</translation>
    </message>
    <message>
        <source>no</source>
        <translation>नहीं</translation>
    </message>
    <message>
        <source>Source: %1</source>
        <translation>स्रोत: %1</translation>
    </message>
    <message>
        <source>Library</source>
        <translation>लाइब्रेरी</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>टिप्पणियाँ</translation>
    </message>
    <message>
        <source>Core, GUI, Widgets, SQL, Network, Concurrent, SVG and Multimedia modules</source>
        <translation>Core, GUI, Widgets, SQL, Network, Concurrent, SVG और Multimedia मॉड्यूल</translation>
    </message>
    <message>
        <source>The open-source edition of Qt Charts (attendance dashboard) is under the GPL v3</source>
        <translation>Qt Charts (उपस्थिति डैशबोर्ड) का ओपन-सोर्स संस्करण GPL v3 के अंतर्गत है</translation>
    </message>
    <message>
        <source>Image decoding, YuNet face proposals, ONNX embedders</source>
        <translation>चित्र डिकोडिंग, YuNet से चेहरों के प्रस्ताव, ONNX एम्बेडर</translation>
    </message>
    <message>
        <source>Boost Software Licence; CNN face detector, landmarks, ResNet embeddings</source>
        <translation>Boost सॉफ़्टवेयर लाइसेंस; CNN चेहरा डिटेक्टर, लैंडमार्क, ResNet एम्बेडिंग</translation>
    </message>
    <message>
        <source>Linear algebra used by dlib</source>
        <translation>dlib द्वारा इस्तेमाल किया गया रैखिक बीजगणित</translation>
    </message>
    <message>
        <source>Excel export</source>
        <translation>Excel में निर्यात</translation>
    </message>
    <message>
        <source>Zip archives: reading .xlsx rosters</source>
        <translation>Zip आर्काइव: .xlsx रोस्टर पढ़ना</translation>
    </message>
    <message>
        <source>Stores the central database password in the system keychain</source>
        <translation>केंद्रीय डेटाबेस का पासवर्ड सिस्टम कीचेन में रखता है</translation>
    </message>
    <message>
        <source>Compression, used by minizip and libxlsxwriter</source>
        <translation>संपीड़न, minizip और libxlsxwriter द्वारा इस्तेमाल</translation>
    </message>
    <message>
        <source>MIT (deepface, facenet-pytorch); check your file</source>
        <translation>MIT (deepface, facenet-pytorch); अपनी फ़ाइल जाँचें</translation>
    </message>
    <message>
        <source>Optional embedder, supplied by you; check the licence of the file you supply</source>
        <translation>वैकल्पिक एम्बेडर, जो आप स्वयं देते हैं; आप जो फ़ाइल दे रहे हैं उसका लाइसेंस जाँच लें</translation>
    </message>
</context>
<context>
    <name>rollcall::StudentsView</name>
    <message>
        <source>&amp;Register student…</source>
        <translation>विद्यार्थी पंजीकृत करें (&amp;R)…</translation>
    </message>
    <message>
        <source>Students</source>
        <translation>विद्यार्थी</translation>
    </message>
</context>
</TS>
