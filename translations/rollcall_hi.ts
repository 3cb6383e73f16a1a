<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="hi_IN">
<context>
    <name>GuiApplication</name>
    <message>
        <source>Restore</source>
        <translation>पुनर्स्थापना</translation>
    </message>
    <message>
        <source>The backup was restored. The previous database was kept as %1.</source>
        <translation>बैकअप पुनर्स्थापित हो गया। पिछला डेटाबेस %1 के रूप में रखा गया है।</translation>
    </message>
    <message>
        <source>The backup was not restored; nothing was changed.
%1</source>
        <translation>बैकअप पुनर्स्थापित नहीं हुआ; कुछ भी नहीं बदला गया।
%1</translation>
    </message>
</context>
<context>
    <name>ImageFiles</name>
    <message>
        <source>Images (*.jpg *.jpeg *.png *.bmp *.webp *.tif *.tiff);;All files (*)</source>
        <translation>चित्र (*.jpg *.jpeg *.png *.bmp *.webp *.tif *.tiff);;सभी फ़ाइलें (*)</translation>
    </message>
</context>
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
    <name>PhotoWarningText</name>
    <message>
        <source>Photo %1 was already used for another session.</source>
        <translation>फ़ोटो %1 किसी दूसरे सत्र में पहले ही उपयोग हो चुकी है।</translation>
    </message>
    <message>
        <source>Photo %1 was not taken on %2.</source>
        <translation>फ़ोटो %1 %2 को नहीं ली गई थी।</translation>
    </message>
    <message>
        <source>Photo %1 does not say when it was taken.</source>
        <translation>फ़ोटो %1 में यह नहीं लिखा कि वह कब ली गई।</translation>
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
    <name>RecognitionJob</name>
    <message>
        <source>Reading %1…</source>
        <translation type="vanished">%1 पढ़ा जा रहा है…</translation>
    </message>
    <message>
        <source>%1 could not be read: %2</source>
        <translation type="vanished">%1 पढ़ी नहीं जा सकी: %2</translation>
    </message>
    <message>
        <source>Done</source>
        <translation type="vanished">पूरा हुआ</translation>
    </message>
</context>
<context>
    <name>ReportsMenu</name>
    <message>
        <source>Export &amp;session…</source>
        <translation>सत्र निर्यात करें (&amp;S)…</translation>
    </message>
    <message>
        <source>Export class &amp;register…</source>
        <translation>कक्षा रजिस्टर निर्यात करें (&amp;R)…</translation>
    </message>
    <message>
        <source>Export s&amp;tudent history…</source>
        <translation>छात्र इतिहास निर्यात करें (&amp;T)…</translation>
    </message>
    <message>
        <source>Export &amp;below-threshold list…</source>
        <translation>सीमा से कम सूची निर्यात करें (&amp;B)…</translation>
    </message>
</context>
<context>
    <name>RosterEnrolmentReport</name>
    <message numerus="yes">
        <source>enrolled with %1 of %n photo(s)</source>
        <translation>
            <numerusform>%n में से %1 फ़ोटो से नामांकित</numerusform>
            <numerusform>%n में से %1 फ़ोटो से नामांकित</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>(%n already enrolled before)</source>
        <translation>
            <numerusform>(%n पहले से नामांकित)</numerusform>
            <numerusform>(%n पहले से नामांकित)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>not enrolled: all %n photo(s) refused</source>
        <translation>
            <numerusform>नामांकित नहीं: %n फ़ोटो अस्वीकृत</numerusform>
            <numerusform>नामांकित नहीं: सभी %n फ़ोटो अस्वीकृत</numerusform>
        </translation>
    </message>
    <message>
        <source>no photo found</source>
        <translation>कोई फ़ोटो नहीं मिली</translation>
    </message>
    <message>
        <source>failed: %1</source>
        <translation>विफल: %1</translation>
    </message>
    <message>
        <source>Photos: %1 enrolled, %2 refused, %3 without photos, %4 file(s) matching no student</source>
        <translation>फ़ोटो: %1 नामांकित, %2 अस्वीकृत, %3 बिना फ़ोटो, %4 फ़ाइलें किसी छात्र से मेल नहीं खातीं</translation>
    </message>
    <message>
        <source>skipped: no consent to face recognition recorded, photos not enrolled</source>
        <translation>छोड़ा गया: चेहरा पहचान की सहमति दर्ज नहीं है, फ़ोटो नामांकित नहीं की गईं</translation>
    </message>
    <message>
        <source>, %1 skipped without consent</source>
        <translation>, %1 सहमति के बिना छोड़े गए</translation>
    </message>
</context>
<context>
    <name>RosterPhotoFolder</name>
    <message>
        <source>%1 is not a readable folder</source>
        <translation>%1 पढ़ने योग्य फ़ोल्डर नहीं है</translation>
    </message>
    <message>
        <source>no student with this ID in the roster</source>
        <translation>सूची में इस आईडी का कोई छात्र नहीं</translation>
    </message>
    <message>
        <source>not a JPEG, PNG, BMP or WebP file</source>
        <translation>JPEG, PNG, BMP या WebP फ़ाइल नहीं</translation>
    </message>
</context>
<context>
    <name>StatusText</name>
    <message>
        <source>Present</source>
        <translation>उपस्थित</translation>
    </message>
    <message>
        <source>Absent</source>
        <translation>अनुपस्थित</translation>
    </message>
    <message>
        <source>Late</source>
        <translation>विलंब से</translation>
    </message>
    <message>
        <source>Excused</source>
        <translation>छूट प्राप्त</translation>
    </message>
    <message>
        <source>To review</source>
        <translation>समीक्षा हेतु</translation>
    </message>
</context>
<context>
    <name>UploadPage</name>
    <message>
        <source>Send class photos to RollCall</source>
        <translation>कक्षा की फ़ोटो RollCall को भेजें</translation>
    </message>
    <message>
        <source>Take the photos of the class, then press Send. They go only to the PC that shows the code.</source>
        <translation>कक्षा की फ़ोटो लें, फिर भेजें दबाएँ। फ़ोटो केवल उसी पीसी पर जाती हैं जो यह कोड दिखा रहा है।</translation>
    </message>
    <message>
        <source>Take photos with the camera</source>
        <translation>कैमरे से फ़ोटो लें</translation>
    </message>
    <message>
        <source>or choose photos already taken</source>
        <translation>या पहले से ली गई फ़ोटो चुनें</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>भेजें</translation>
    </message>
    <message>
        <source>This link works for one batch of up to %1 photos (%2 MB each) until %3.</source>
        <translation>यह लिंक %3 तक, अधिकतम %1 फ़ोटो (प्रत्येक %2 MB) के एक समूह के लिए काम करता है।</translation>
    </message>
</context>
<context>
    <name>VisionService</name>
    <message>
        <source>Loading the recognition models…</source>
        <translation>पहचान मॉडल लोड हो रहे हैं…</translation>
    </message>
    <message>
        <source>the photo cannot be used</source>
        <translation>यह फ़ोटो उपयोग नहीं की जा सकती</translation>
    </message>
    <message>
        <source>the photo could not be prepared (%1)</source>
        <translation type="vanished">फ़ोटो तैयार नहीं की जा सकी (%1)</translation>
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
    <name>rollcall::CameraCapture</name>
    <message>
        <source>&amp;Capture</source>
        <translation>फ़ोटो लें (&amp;C)</translation>
    </message>
    <message>
        <source>The photo could not be taken: %1</source>
        <translation>फ़ोटो नहीं ली जा सकी: %1</translation>
    </message>
    <message>
        <source>No camera was found. Connect a webcam, or add photos from files instead.</source>
        <translation>कोई कैमरा नहीं मिला। वेबकैम जोड़ें, या इसके बजाय फ़ाइलों से फ़ोटो जोड़ें।</translation>
    </message>
    <message>
        <source>The camera could not be started (%1). It may be in use by another program, or access to it was denied. Close other programs that use the camera or check its permissions; you can still add photos from files.</source>
        <translation>कैमरा शुरू नहीं हो सका (%1)। हो सकता है कोई दूसरा प्रोग्राम उसका उपयोग कर रहा हो, या उस तक पहुँच अस्वीकार कर दी गई हो। कैमरा उपयोग करने वाले दूसरे प्रोग्राम बंद करें या उसकी अनुमतियाँ जाँचें; आप अब भी फ़ाइलों से फ़ोटो जोड़ सकते हैं।</translation>
    </message>
</context>
<context>
    <name>rollcall::CameraDialog</name>
    <message>
        <source>Webcam</source>
        <translation>वेबकैम</translation>
    </message>
</context>
<context>
    <name>rollcall::ClassComboBox</name>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>No classes yet</source>
        <translation>अभी कोई कक्षा नहीं</translation>
    </message>
</context>
<context>
    <name>rollcall::ClassDialog</name>
    <message>
        <source>New class</source>
        <translation>नई कक्षा</translation>
    </message>
    <message>
        <source>e.g. CS-101-A</source>
        <translation>जैसे CS-101-A</translation>
    </message>
    <message>
        <source>e.g. 2024 autumn</source>
        <translation>जैसे 2024 शरद</translation>
    </message>
    <message>
        <source>&amp;Code:</source>
        <translation>कोड (&amp;C):</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>नाम (&amp;N):</translation>
    </message>
    <message>
        <source>&amp;Term:</source>
        <translation>सत्रावधि (&amp;T):</translation>
    </message>
    <message>
        <source>&amp;Department:</source>
        <translation>विभाग (&amp;D):</translation>
    </message>
</context>
<context>
    <name>rollcall::DashboardView</name>
    <message>
        <source>Student ID</source>
        <translation>विद्यार्थी आईडी</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>नाम</translation>
    </message>
    <message>
        <source>Attendance</source>
        <translation>उपस्थिति</translation>
    </message>
    <message>
        <source>Class:</source>
        <translation>कक्षा:</translation>
    </message>
    <message>
        <source>Students below the attendance threshold:</source>
        <translation>उपस्थिति सीमा से नीचे के विद्यार्थी:</translation>
    </message>
    <message>
        <source>Attendance per student (%)</source>
        <translation>प्रति विद्यार्थी उपस्थिति (%)</translation>
    </message>
    <message>
        <source>At or above %1 %</source>
        <translation>%1 % या अधिक</translation>
    </message>
    <message>
        <source>Below %1 %</source>
        <translation>%1 % से कम</translation>
    </message>
    <message>
        <source>Attendance per session (%)</source>
        <translation>प्रति सत्र उपस्थिति (%)</translation>
    </message>
    <message>
        <source>Threshold</source>
        <translation>सीमा</translation>
    </message>
    <message>
        <source>Create a class and register students to see attendance here.</source>
        <translation>यहाँ उपस्थिति देखने के लिए एक कक्षा बनाएँ और विद्यार्थियों को पंजीकृत करें।</translation>
    </message>
    <message>
        <source>No attendance taken for this class yet.</source>
        <translation>इस कक्षा की अभी तक कोई उपस्थिति नहीं ली गई।</translation>
    </message>
    <message numerus="yes">
        <source>%n session(s), average attendance %1 %, %2 below %3 %.</source>
        <translation>
            <numerusform>%n सत्र, औसत उपस्थिति %1 %, %2 %3 % से नीचे।</numerusform>
            <numerusform>%n सत्र, औसत उपस्थिति %1 %, %2 %3 % से नीचे।</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n student(s)</source>
        <translation>
            <numerusform>%n विद्यार्थी</numerusform>
            <numerusform>%n विद्यार्थी</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>rollcall::DataFolderBusyDialog</name>
    <message>
        <source>RollCall is already running</source>
        <translation>RollCall पहले से चल रहा है</translation>
    </message>
    <message>
        <source>Switch to the RollCall that is open, or quit this one.</source>
        <translation>खुले हुए RollCall पर जाएँ, या इसे बंद करें।</translation>
    </message>
    <message>
        <source>Wait until the other program has finished, then try again.</source>
        <translation>दूसरे प्रोग्राम के समाप्त होने तक प्रतीक्षा करें, फिर दोबारा प्रयास करें।</translation>
    </message>
    <message>
        <source>Bring it to the front</source>
        <translation>उसे सामने लाएँ</translation>
    </message>
    <message>
        <source>Try again</source>
        <translation>दोबारा प्रयास करें</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>बंद करें</translation>
    </message>
</context>
<context>
    <name>rollcall::EnrolmentCheckJob</name>
    <message>
        <source>Checking %1…</source>
        <translation>%1 की जाँच हो रही है…</translation>
    </message>
    <message>
        <source>the file cannot be read (%1)</source>
        <translation>फ़ाइल पढ़ी नहीं जा सकती (%1)</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>पूरा हुआ</translation>
    </message>
</context>
<context>
    <name>rollcall::EnrolmentPhotoModel</name>
    <message>
        <source>Checking…</source>
        <translation>जाँच हो रही है…</translation>
    </message>
    <message>
        <source>✓ Good</source>
        <translation>✓ ठीक</translation>
    </message>
    <message>
        <source>✗ %1</source>
        <translation>✗ %1</translation>
    </message>
    <message>
        <source>%1: refused — %2</source>
        <translation>%1: अस्वीकृत — %2</translation>
    </message>
</context>
<context>
    <name>rollcall::ExportDialog</name>
    <message>
        <source>Export session</source>
        <translation>सत्र निर्यात करें</translation>
    </message>
    <message>
        <source>Export class register</source>
        <translation>कक्षा रजिस्टर निर्यात करें</translation>
    </message>
    <message>
        <source>Export student history</source>
        <translation>छात्र इतिहास निर्यात करें</translation>
    </message>
    <message>
        <source>Export below-threshold list</source>
        <translation>सीमा से कम सूची निर्यात करें</translation>
    </message>
    <message>
        <source>All classes</source>
        <translation>सभी कक्षाएँ</translation>
    </message>
    <message>
        <source>&amp;Class:</source>
        <translation>कक्षा (&amp;C):</translation>
    </message>
    <message>
        <source>&amp;Session:</source>
        <translation>सत्र (&amp;S):</translation>
    </message>
    <message>
        <source>Student ID</source>
        <translation>छात्र आईडी</translation>
    </message>
    <message>
        <source>S&amp;tudent ID:</source>
        <translation>छात्र आईडी (&amp;T):</translation>
    </message>
    <message>
        <source>&amp;All dates</source>
        <translation>सभी तिथियाँ (&amp;A)</translation>
    </message>
    <message>
        <source>&amp;From:</source>
        <translation>से (&amp;F):</translation>
    </message>
    <message>
        <source>&amp;To:</source>
        <translation>तक (&amp;T):</translation>
    </message>
    <message>
        <source>Attendance below this is shown in red (and listed, for the below-threshold report).</source>
        <translation>इससे कम उपस्थिति लाल रंग में दिखाई जाती है (और सीमा से कम रिपोर्ट में सूचीबद्ध होती है)।</translation>
    </message>
    <message>
        <source>T&amp;hreshold:</source>
        <translation>सीमा (&amp;H):</translation>
    </message>
    <message>
        <source>Excel workbook (.xlsx)</source>
        <translation>एक्सेल वर्कबुक (.xlsx)</translation>
    </message>
    <message>
        <source>CSV (.csv)</source>
        <translation>सीएसवी (.csv)</translation>
    </message>
    <message>
        <source>F&amp;ormat:</source>
        <translation>प्रारूप (&amp;O):</translation>
    </message>
    <message>
        <source>Comma, decimal point</source>
        <translation>अल्पविराम, दशमलव बिंदु</translation>
    </message>
    <message>
        <source>Semicolon, decimal comma</source>
        <translation>अर्धविराम, दशमलव अल्पविराम</translation>
    </message>
    <message>
        <source>Se&amp;parator:</source>
        <translation>विभाजक (&amp;P):</translation>
    </message>
    <message>
        <source>Byte-order mark (Excel on Windows reads Devanagari correctly)</source>
        <translation>बाइट-ऑर्डर मार्क (विंडोज़ पर एक्सेल देवनागरी सही पढ़ता है)</translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation>निर्यात करें (&amp;E)…</translation>
    </message>
    <message>
        <source>The database is not open.</source>
        <translation>डेटाबेस खुला नहीं है।</translation>
    </message>
    <message>
        <source> (%1 present of %2)</source>
        <translation> (%2 में से %1 उपस्थित)</translation>
    </message>
    <message>
        <source>Choose a session first.</source>
        <translation>पहले एक सत्र चुनें।</translation>
    </message>
    <message>
        <source>Enter a student ID.</source>
        <translation>छात्र आईडी दर्ज करें।</translation>
    </message>
    <message>
        <source>Export to</source>
        <translation>यहाँ निर्यात करें</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation>एक्सेल वर्कबुक (*.xlsx)</translation>
    </message>
    <message>
        <source>CSV file (*.csv)</source>
        <translation>सीएसवी फ़ाइल (*.csv)</translation>
    </message>
    <message>
        <source>&amp;Cancel</source>
        <translation>रद्द करें (&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>बंद करें (&amp;C)</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>%1 सहेजी गई</translation>
    </message>
    <message>
        <source>Export cancelled; no file was written.</source>
        <translation>निर्यात रद्द किया गया; कोई फ़ाइल नहीं लिखी गई।</translation>
    </message>
    <message>
        <source>Export failed: %1</source>
        <translation>निर्यात विफल: %1</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>रद्द किया जा रहा है…</translation>
    </message>
</context>
<context>
    <name>rollcall::ExportJob</name>
    <message>
        <source>Reading attendance</source>
        <translation>उपस्थिति पढ़ी जा रही है</translation>
    </message>
    <message>
        <source>Writing %1</source>
        <translation>%1 लिखी जा रही है</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>%1 नहीं लिखी जा सकती: %2</translation>
    </message>
    <message>
        <source>Cannot save %1: %2</source>
        <translation>%1 सहेजी नहीं जा सकती: %2</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>पूर्ण</translation>
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
    <name>rollcall::GettingStartedPage</name>
    <message>
        <source>Getting started</source>
        <translation>शुरुआत करें</translation>
    </message>
    <message>
        <source>Four steps take RollCall from an empty register to a first attendance session. Each is ticked once it is done; this page gives way to the dashboard when a class has its first session.</source>
        <translation>चार चरण RollCall को खाली रजिस्टर से पहले उपस्थिति सत्र तक ले जाते हैं। हर चरण पूरा होने पर उस पर सही का निशान लगता है; किसी कक्षा का पहला सत्र होते ही यह पृष्ठ डैशबोर्ड को जगह दे देता है।</translation>
    </message>
    <message>
        <source>Create a class…</source>
        <translation>कक्षा बनाएँ…</translation>
    </message>
    <message>
        <source>A class holds its students and its sessions (code, name, term).</source>
        <translation>कक्षा में उसके विद्यार्थी और सत्र होते हैं (कोड, नाम, सत्रावधि)।</translation>
    </message>
    <message>
        <source>Import a roster…</source>
        <translation>सूची आयात करें…</translation>
    </message>
    <message>
        <source>Students from a CSV or Excel file; with a folder of photos named by student ID, they are enrolled at once.</source>
        <translation>CSV या Excel फ़ाइल से विद्यार्थी; विद्यार्थी ID के नाम वाली फ़ोटो के फ़ोल्डर के साथ वे तुरंत नामांकित हो जाते हैं।</translation>
    </message>
    <message>
        <source>Register a student…</source>
        <translation>विद्यार्थी पंजीकृत करें…</translation>
    </message>
    <message>
        <source>One student with 3–5 photos from the webcam or files; bad captures are refused with a reason.</source>
        <translation>वेबकैम या फ़ाइलों से 3–5 फ़ोटो के साथ एक विद्यार्थी; ख़राब फ़ोटो कारण बताकर अस्वीकार की जाती हैं।</translation>
    </message>
    <message>
        <source>Mark attendance…</source>
        <translation>उपस्थिति दर्ज करें…</translation>
    </message>
    <message>
        <source>Load a classroom photo: RollCall finds the faces, names the students; you check and save.</source>
        <translation>कक्षा की फ़ोटो लोड करें: RollCall चेहरे ढूँढता है, विद्यार्थियों के नाम बताता है; आप जाँचकर सहेजते हैं।</translation>
    </message>
    <message>
        <source>The user guide is docs/ui.md in RollCall&apos;s sources.</source>
        <translation>उपयोगकर्ता मार्गदर्शिका RollCall के स्रोत में docs/ui.md है।</translation>
    </message>
    <message>
        <source>Open the user guide</source>
        <translation>उपयोगकर्ता मार्गदर्शिका खोलें</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>पूरा हुआ</translation>
    </message>
    <message>
        <source>Not done yet</source>
        <translation>अभी पूरा नहीं हुआ</translation>
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
    <message>
        <source>Models: checking…</source>
        <translation>मॉडल: जाँच हो रही है…</translation>
    </message>
    <message>
        <source>Back up to</source>
        <translation>बैकअप यहाँ लें</translation>
    </message>
    <message>
        <source>RollCall backups (*.zip)</source>
        <translation>RollCall बैकअप (*.zip)</translation>
    </message>
    <message>
        <source>Backing up to %1…</source>
        <translation>%1 में बैकअप लिया जा रहा है…</translation>
    </message>
    <message>
        <source>Backup</source>
        <translation>बैकअप</translation>
    </message>
    <message>
        <source>The backup failed: %1</source>
        <translation>बैकअप विफल रहा: %1</translation>
    </message>
    <message numerus="yes">
        <source>Backed up to %1 (%n photo(s)).</source>
        <translation>
            <numerusform>%1 में बैकअप लिया गया (%n फ़ोटो)।</numerusform>
            <numerusform>%1 में बैकअप लिया गया (%n फ़ोटो)।</numerusform>
        </translation>
    </message>
    <message>
        <source>Restore from backup</source>
        <translation>बैकअप से पुनर्स्थापित करें</translation>
    </message>
    <message>
        <source>Checking %1…</source>
        <translation>%1 की जाँच हो रही है…</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>पुनर्स्थापना</translation>
    </message>
    <message>
        <source>This backup cannot be restored: %1</source>
        <translation>यह बैकअप पुनर्स्थापित नहीं किया जा सकता: %1</translation>
    </message>
    <message numerus="yes">
        <source>Restore the backup made on %1 (%n photo(s))?

The current database is replaced (it is kept beside it as a copy). RollCall restarts to do this.</source>
        <translation>
            <numerusform>%1 को बना बैकअप (%n फ़ोटो) पुनर्स्थापित करें?

वर्तमान डेटाबेस बदल दिया जाएगा (उसकी एक प्रति पास में रखी जाएगी)। इसके लिए RollCall फिर से शुरू होगा।</numerusform>
            <numerusform>%1 को बना बैकअप (%n फ़ोटो) पुनर्स्थापित करें?

वर्तमान डेटाबेस बदल दिया जाएगा (उसकी एक प्रति पास में रखी जाएगी)। इसके लिए RollCall फिर से शुरू होगा।</numerusform>
        </translation>
    </message>
    <message>
        <source>Restore and restart</source>
        <translation>पुनर्स्थापित करें और फिर से शुरू करें</translation>
    </message>
    <message>
        <source>RollCall could not be restarted.</source>
        <translation>RollCall फिर से शुरू नहीं हो सका।</translation>
    </message>
</context>
<context>
    <name>rollcall::MarkDialog</name>
    <message>
        <source>recognised</source>
        <translation>पहचाना गया</translation>
    </message>
    <message>
        <source>uncertain</source>
        <translation>अनिश्चित</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>अज्ञात</translation>
    </message>
    <message>
        <source>set by you</source>
        <translation>आपके द्वारा तय</translation>
    </message>
    <message>
        <source>too small</source>
        <translation>बहुत छोटा</translation>
    </message>
    <message>
        <source>not a student</source>
        <translation>विद्यार्थी नहीं</translation>
    </message>
    <message>
        <source>Cancel recognition</source>
        <translation>पहचान रद्द करें</translation>
    </message>
    <message>
        <source>&amp;Add photos…</source>
        <translation>फ़ोटो जोड़ें (&amp;A)…</translation>
    </message>
    <message>
        <source>&amp;Webcam…</source>
        <translation>वेबकैम (&amp;W)…</translation>
    </message>
    <message>
        <source>Confirm all &amp;uncertain</source>
        <translation>सभी अनिश्चित की पुष्टि करें (&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Save session</source>
        <translation>सत्र सहेजें (&amp;S)</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>बंद करें</translation>
    </message>
    <message>
        <source>Mark attendance</source>
        <translation>उपस्थिति दर्ज करें</translation>
    </message>
    <message>
        <source>e.g. 1 or Maths</source>
        <translation>जैसे 1 या गणित</translation>
    </message>
    <message>
        <source>Add a classroom photo: Add photos…, drag a file here, paste (Ctrl+V) or use the webcam.</source>
        <translation>कक्षा की फ़ोटो जोड़ें: फ़ोटो जोड़ें…, फ़ाइल यहाँ खींचें, चिपकाएँ (Ctrl+V) या वेबकैम का उपयोग करें।</translation>
    </message>
    <message>
        <source>&amp;Class:</source>
        <translation>कक्षा (&amp;C):</translation>
    </message>
    <message>
        <source>Date:</source>
        <translation>तारीख:</translation>
    </message>
    <message>
        <source>Period:</source>
        <translation>पीरियड:</translation>
    </message>
    <message>
        <source>&amp;Paste</source>
        <translation>चिपकाएँ (&amp;P)</translation>
    </message>
    <message>
        <source>Zoom out (Ctrl+−)</source>
        <translation>छोटा करें (Ctrl+−)</translation>
    </message>
    <message>
        <source>Fit</source>
        <translation>फ़िट</translation>
    </message>
    <message>
        <source>Fit the photo (Ctrl+0)</source>
        <translation>फ़ोटो फ़िट करें (Ctrl+0)</translation>
    </message>
    <message>
        <source>Zoom in (Ctrl++)</source>
        <translation>बड़ा करें (Ctrl++)</translation>
    </message>
    <message>
        <source>Toggle present/absent</source>
        <translation>उपस्थित/अनुपस्थित बदलें</translation>
    </message>
    <message>
        <source>There is no class yet. Create one with Students ▸ New class… and register its students first.</source>
        <translation>अभी कोई कक्षा नहीं है। पहले विद्यार्थी ▸ नई कक्षा… से एक बनाएँ और उसके विद्यार्थियों को पंजीकृत करें।</translation>
    </message>
    <message>
        <source>Change class</source>
        <translation>कक्षा बदलें</translation>
    </message>
    <message>
        <source>Changing the class recognises the photos again against the new roster and discards your corrections. Continue?</source>
        <translation>कक्षा बदलने पर फ़ोटो नई सूची के विरुद्ध फिर से पहचानी जाएँगी और आपके सुधार हट जाएँगे। जारी रखें?</translation>
    </message>
    <message>
        <source>Add classroom photos</source>
        <translation>कक्षा की फ़ोटो जोड़ें</translation>
    </message>
    <message>
        <source>Stand where the whole class is in the picture; hold still and press Capture (Space).</source>
        <translation>ऐसी जगह खड़े हों जहाँ पूरी कक्षा चित्र में आए; स्थिर रहें और फ़ोटो लें (Space) दबाएँ।</translation>
    </message>
    <message>
        <source>Webcam %1</source>
        <translation>वेबकैम %1</translation>
    </message>
    <message>
        <source>Pasted photo</source>
        <translation>चिपकाई गई फ़ोटो</translation>
    </message>
    <message>
        <source>Dropped photo</source>
        <translation>खींचकर डाली गई फ़ोटो</translation>
    </message>
    <message>
        <source>Recognising…</source>
        <translation>पहचान हो रही है…</translation>
    </message>
    <message>
        <source>%1 · %2 ms</source>
        <translation>%1 · %2 ms</translation>
    </message>
    <message>
        <source>Photo %1: %2</source>
        <translation>फ़ोटो %1: %2</translation>
    </message>
    <message>
        <source> (could not be used)</source>
        <translation> (उपयोग नहीं हो सकी)</translation>
    </message>
    <message>
        <source> (waiting)</source>
        <translation> (प्रतीक्षा में)</translation>
    </message>
    <message>
        <source>Photo</source>
        <translation>फ़ोटो</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>रद्द किया गया</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>पूरा हुआ</translation>
    </message>
    <message>
        <source>%1 ?</source>
        <translation>%1 ?</translation>
    </message>
    <message>
        <source>?</source>
        <translation>?</translation>
    </message>
    <message>
        <source>Face %1 (too small to recognise)</source>
        <translation>चेहरा %1 (पहचानने के लिए बहुत छोटा)</translation>
    </message>
    <message>
        <source>Face %1</source>
        <translation>चेहरा %1</translation>
    </message>
    <message>
        <source>Not a student</source>
        <translation>विद्यार्थी नहीं है</translation>
    </message>
    <message>
        <source>Clear (unknown)</source>
        <translation>हटाएँ (अज्ञात)</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source> — nearest, distance %1</source>
        <translation> — सबसे निकट, दूरी %1</translation>
    </message>
    <message>
        <source> — on another face</source>
        <translation> — दूसरे चेहरे पर</translation>
    </message>
    <message>
        <source>No active students in this class. Register students first (Students ▸ Register student…).</source>
        <translation>इस कक्षा में कोई सक्रिय विद्यार्थी नहीं। पहले विद्यार्थियों को पंजीकृत करें (विद्यार्थी ▸ विद्यार्थी पंजीकृत करें…)।</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; present</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; उपस्थित</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; absent</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; अनुपस्थित</translation>
    </message>
    <message>
        <source>%1 late</source>
        <translation>%1 विलंब से</translation>
    </message>
    <message>
        <source>%1 excused</source>
        <translation>%1 छूट प्राप्त</translation>
    </message>
    <message numerus="yes">
        <source>%n face(s) found</source>
        <translation>
            <numerusform>%n चेहरे मिले</numerusform>
            <numerusform>%n चेहरे मिले</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n uncertain match(es) to confirm</source>
        <translation type="vanished">
            <numerusform>पुष्टि के लिए %n अनिश्चित मिलान</numerusform>
            <numerusform>पुष्टि के लिए %n अनिश्चित मिलान</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n unknown face(s): click one to say who it is</source>
        <translation>
            <numerusform>%n अज्ञात चेहरे: कौन है बताने के लिए किसी पर क्लिक करें</numerusform>
            <numerusform>%n अज्ञात चेहरे: कौन है बताने के लिए किसी पर क्लिक करें</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n face(s) too small to recognise: take a closer photo of that part of the room</source>
        <translation>
            <numerusform>%n चेहरे पहचानने के लिए बहुत छोटे: कक्षा के उस हिस्से की पास से फ़ोटो लें</numerusform>
            <numerusform>%n चेहरे पहचानने के लिए बहुत छोटे: कक्षा के उस हिस्से की पास से फ़ोटो लें</numerusform>
        </translation>
    </message>
    <message>
        <source>Confirm match</source>
        <translation>मिलान की पुष्टि करें</translation>
    </message>
    <message>
        <source>Show face</source>
        <translation>चेहरा दिखाएँ</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>सहेजा जा रहा है…</translation>
    </message>
    <message>
        <source>Not saved</source>
        <translation>सहेजा नहीं गया</translation>
    </message>
    <message>
        <source>Save session</source>
        <translation>सत्र सहेजें</translation>
    </message>
    <message>
        <source>The session was not saved: %1</source>
        <translation>सत्र सहेजा नहीं गया: %1</translation>
    </message>
    <message>
        <source>Saved</source>
        <translation>सहेजा गया</translation>
    </message>
    <message>
        <source>Unsaved attendance</source>
        <translation>बिना सहेजी उपस्थिति</translation>
    </message>
    <message>
        <source>This attendance has not been saved. Save it before closing?</source>
        <translation>यह उपस्थिति सहेजी नहीं गई है। बंद करने से पहले सहेजें?</translation>
    </message>
    <message numerus="yes">
        <source>%n uncertain match(es) to confirm: saved as “to review” until you do</source>
        <translation>
            <numerusform>पुष्टि हेतु %n अनिश्चित मिलान: पुष्टि होने तक “समीक्षा हेतु” के रूप में सहेजा गया</numerusform>
            <numerusform>पुष्टि हेतु %n अनिश्चित मिलान: पुष्टि होने तक “समीक्षा हेतु” के रूप में सहेजा गया</numerusform>
        </translation>
    </message>
    <message>
        <source>Photo %1 was already used for another session.</source>
        <translation type="vanished">फ़ोटो %1 किसी दूसरे सत्र में पहले ही उपयोग हो चुकी है।</translation>
    </message>
    <message>
        <source>Photo %1 was not taken on %2.</source>
        <translation type="vanished">फ़ोटो %1 %2 को नहीं ली गई थी।</translation>
    </message>
    <message>
        <source>Photo %1 does not say when it was taken.</source>
        <translation type="vanished">फ़ोटो %1 में यह नहीं लिखा कि वह कब ली गई।</translation>
    </message>
    <message>
        <source>Check the photos before saving; the warnings are kept with the session.</source>
        <translation>सहेजने से पहले फ़ोटो जाँच लें; ये चेतावनियाँ सत्र के साथ रखी जाती हैं।</translation>
    </message>
    <message>
        <source>From p&amp;hone…</source>
        <translation>फ़ोन से (&amp;H)…</translation>
    </message>
    <message>
        <source>Show a code to scan with a phone, which then sends its photos to this PC</source>
        <translation>फ़ोन से स्कैन करने के लिए कोड दिखाएँ; फिर फ़ोन अपनी फ़ोटो इस पीसी पर भेजता है</translation>
    </message>
    <message>
        <source>Classroom photos for %1, %2.</source>
        <translation>%1, %2 के लिए कक्षा की फ़ोटो।</translation>
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
    <name>rollcall::PhoneUploadDialog</name>
    <message>
        <source>&amp;New code</source>
        <translation>नया कोड (&amp;N)</translation>
    </message>
    <message>
        <source>Photos from a phone</source>
        <translation>फ़ोन से फ़ोटो</translation>
    </message>
    <message>
        <source>%1
Scan this code with the phone&apos;s camera, take the photos on the page that opens and press Send. The phone must be on the same network as this PC.</source>
        <translation>%1
फ़ोन के कैमरे से यह कोड स्कैन करें, खुलने वाले पेज पर फ़ोटो लें और भेजें दबाएँ। फ़ोन इसी पीसी के नेटवर्क पर होना चाहिए।</translation>
    </message>
    <message numerus="yes">
        <source>%n photo(s) received from %1. Scan the new code to send more.</source>
        <translation>
            <numerusform>%1 से %n फ़ोटो मिलीं। और भेजने के लिए नया कोड स्कैन करें।</numerusform>
            <numerusform>%1 से %n फ़ोटो मिलीं। और भेजने के लिए नया कोड स्कैन करें।</numerusform>
        </translation>
    </message>
    <message>
        <source>Receiving photos from %1…</source>
        <translation>%1 से फ़ोटो आ रही हैं…</translation>
    </message>
    <message>
        <source>Refused a request from %1: %2</source>
        <translation>%1 का अनुरोध अस्वीकार किया: %2</translation>
    </message>
    <message>
        <source>The code has expired.
Press New code to show another.</source>
        <translation>कोड की समय-सीमा समाप्त हो गई।
दूसरा कोड दिखाने के लिए नया कोड दबाएँ।</translation>
    </message>
    <message>
        <source>The setting phone/addresses holds addresses that are not valid: %1.</source>
        <translation>सेटिंग phone/addresses में अमान्य पते हैं: %1।</translation>
    </message>
    <message>
        <source>This PC is not connected to a local network (no Wi-Fi or wired LAN address), so a phone cannot reach it. Connect the PC and the phone to the same network and press Try again, or copy the photos over a cable.</source>
        <translation>यह पीसी किसी स्थानीय नेटवर्क से जुड़ा नहीं है (कोई वाई-फ़ाई या वायर्ड LAN पता नहीं), इसलिए फ़ोन इस तक नहीं पहुँच सकता। पीसी और फ़ोन को एक ही नेटवर्क से जोड़ें और फिर से प्रयास करें दबाएँ, या फ़ोटो केबल से कॉपी करें।</translation>
    </message>
    <message>
        <source>%1
Another program may be using port %2; choose another port in the settings (phone/port) or close that program.</source>
        <translation>%1
शायद कोई दूसरा प्रोग्राम पोर्ट %2 का उपयोग कर रहा है; सेटिंग (phone/port) में दूसरा पोर्ट चुनें या वह प्रोग्राम बंद करें।</translation>
    </message>
    <message>
        <source>If the phone cannot open the page, check that it uses the same Wi-Fi as this PC and that the PC&apos;s firewall allows incoming TCP connections on port %1.</source>
        <translation>यदि फ़ोन पेज नहीं खोल पाता, तो जाँचें कि वह इसी पीसी वाले वाई-फ़ाई पर है और पीसी का फ़ायरवॉल पोर्ट %1 पर आने वाले TCP कनेक्शन की अनुमति देता है।</translation>
    </message>
    <message>
        <source>Waiting for the phone…</source>
        <translation>फ़ोन की प्रतीक्षा…</translation>
    </message>
    <message>
        <source>Or type on the phone: %1</source>
        <translation>या फ़ोन पर लिखें: %1</translation>
    </message>
    <message>
        <source> or </source>
        <translation> या </translation>
    </message>
    <message>
        <source>The code works for one batch of photos, until %1.</source>
        <translation>यह कोड %1 तक फ़ोटो के एक समूह के लिए काम करता है।</translation>
    </message>
    <message>
        <source>&amp;Try again</source>
        <translation>फिर से प्रयास करें (&amp;T)</translation>
    </message>
</context>
<context>
    <name>rollcall::PhoneUploadServer</name>
    <message>
        <source>This PC has no local network address a phone could reach.</source>
        <translation>इस पीसी का कोई ऐसा स्थानीय नेटवर्क पता नहीं है जिस तक फ़ोन पहुँच सके।</translation>
    </message>
    <message>
        <source>Not sent</source>
        <translation>नहीं भेजा गया</translation>
    </message>
    <message>
        <source>The photos are too large: at most %1 photos of %2 MB each can be sent at once.</source>
        <translation>फ़ोटो बहुत बड़ी हैं: एक बार में अधिकतम %1 फ़ोटो (प्रत्येक %2 MB) भेजी जा सकती हैं।</translation>
    </message>
    <message>
        <source>Cannot listen for the phone: %1</source>
        <translation>फ़ोन के लिए सुन नहीं सकते: %1</translation>
    </message>
    <message>
        <source>Not found</source>
        <translation>नहीं मिला</translation>
    </message>
    <message>
        <source>There is nothing here.</source>
        <translation>यहाँ कुछ नहीं है।</translation>
    </message>
    <message>
        <source>Please wait</source>
        <translation>कृपया प्रतीक्षा करें</translation>
    </message>
    <message>
        <source>Too many attempts. Wait a minute and try again.</source>
        <translation>बहुत अधिक प्रयास। एक मिनट रुककर फिर से प्रयास करें।</translation>
    </message>
    <message>
        <source>Code already used</source>
        <translation>कोड पहले ही उपयोग हो चुका है</translation>
    </message>
    <message>
        <source>Photos were already sent with this code. To send more, scan the new code on the PC&apos;s screen.</source>
        <translation>इस कोड से फ़ोटो पहले ही भेजी जा चुकी हैं। और भेजने के लिए पीसी की स्क्रीन पर नया कोड स्कैन करें।</translation>
    </message>
    <message>
        <source>Code expired</source>
        <translation>कोड की समय-सीमा समाप्त</translation>
    </message>
    <message>
        <source>This code has expired. Press &quot;New code&quot; on the PC and scan it again.</source>
        <translation>इस कोड की समय-सीमा समाप्त हो गई है। पीसी पर &quot;नया कोड&quot; दबाएँ और उसे फिर से स्कैन करें।</translation>
    </message>
    <message>
        <source>This link is not valid. Scan the code on the PC&apos;s screen again.</source>
        <translation>यह लिंक मान्य नहीं है। पीसी की स्क्रीन पर कोड फिर से स्कैन करें।</translation>
    </message>
    <message>
        <source>The upload could not be read. Please try again.</source>
        <translation>अपलोड पढ़ा नहीं जा सका। कृपया फिर से प्रयास करें।</translation>
    </message>
    <message>
        <source>No photo was chosen. Take or choose a photo, then press Send.</source>
        <translation>कोई फ़ोटो नहीं चुनी गई। फ़ोटो लें या चुनें, फिर भेजें दबाएँ।</translation>
    </message>
    <message>
        <source>Too many photos: at most %1 can be sent at once.</source>
        <translation>बहुत अधिक फ़ोटो: एक बार में अधिकतम %1 भेजी जा सकती हैं।</translation>
    </message>
    <message>
        <source>photo</source>
        <translation>फ़ोटो</translation>
    </message>
    <message>
        <source>%1 is too large (%2 MB; at most %3 MB).</source>
        <translation>%1 बहुत बड़ी है (%2 MB; अधिकतम %3 MB)।</translation>
    </message>
    <message>
        <source>%1 is not a photo RollCall can read (JPEG, PNG, BMP, WebP or TIFF).</source>
        <translation>%1 ऐसी फ़ोटो नहीं है जिसे RollCall पढ़ सके (JPEG, PNG, BMP, WebP या TIFF)।</translation>
    </message>
    <message>
        <source>%1 has too many pixels (at most %2 megapixels).</source>
        <translation>%1 में बहुत अधिक पिक्सेल हैं (अधिकतम %2 मेगापिक्सेल)।</translation>
    </message>
    <message>
        <source>%1 arrived incomplete. Please send it again.</source>
        <translation>%1 अधूरी पहुँची। कृपया इसे फिर से भेजें।</translation>
    </message>
    <message>
        <source>Phone photo</source>
        <translation>फ़ोन की फ़ोटो</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>भेजा गया</translation>
    </message>
    <message numerus="yes">
        <source>%n photo(s) reached the PC. To send more, scan the new code on the PC&apos;s screen.</source>
        <translation>
            <numerusform>%n फ़ोटो पीसी तक पहुँच गईं। और भेजने के लिए पीसी की स्क्रीन पर नया कोड स्कैन करें।</numerusform>
            <numerusform>%n फ़ोटो पीसी तक पहुँच गईं। और भेजने के लिए पीसी की स्क्रीन पर नया कोड स्कैन करें।</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>rollcall::RecognitionJob</name>
    <message>
        <source>%1 could not be read: %2</source>
        <translation>%1 पढ़ी नहीं जा सकी: %2</translation>
    </message>
    <message>
        <source>Reading %1…</source>
        <translation>%1 पढ़ी जा रही है…</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>पूरा हुआ</translation>
    </message>
</context>
<context>
    <name>rollcall::RegisterStudentDialog</name>
    <message>
        <source>The student has consented to face recognition</source>
        <translation>विद्यार्थी ने चेहरा पहचान के लिए सहमति दी है</translation>
    </message>
    <message>
        <source>&amp;Register</source>
        <translation>पंजीकृत करें (&amp;R)</translation>
    </message>
    <message>
        <source>Register student</source>
        <translation>विद्यार्थी पंजीकृत करें</translation>
    </message>
    <message>
        <source>Student &amp;ID:</source>
        <translation>विद्यार्थी आईडी (&amp;I):</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>नाम (&amp;N):</translation>
    </message>
    <message>
        <source>&amp;Class:</source>
        <translation>कक्षा (&amp;C):</translation>
    </message>
    <message>
        <source>&amp;Email:</source>
        <translation>ईमेल (&amp;E):</translation>
    </message>
    <message>
        <source>One person in the picture, face the camera in good light, about an arm&apos;s length away. Take 3–5 photos: straight ahead, then turned slightly left and right.</source>
        <translation>चित्र में एक ही व्यक्ति हो, अच्छी रोशनी में कैमरे की ओर देखें, लगभग एक हाथ की दूरी पर। 3–5 फ़ोटो लें: सीधे सामने, फिर थोड़ा बाएँ और दाएँ मुड़कर।</translation>
    </message>
    <message>
        <source>Add &amp;photos…</source>
        <translation>फ़ोटो जोड़ें (&amp;P)…</translation>
    </message>
    <message>
        <source>Remo&amp;ve photo</source>
        <translation>फ़ोटो हटाएँ (&amp;V)</translation>
    </message>
    <message>
        <source>Photos</source>
        <translation>फ़ोटो</translation>
    </message>
    <message>
        <source>Webcam</source>
        <translation>वेबकैम</translation>
    </message>
    <message>
        <source>Add photos of the student</source>
        <translation>विद्यार्थी की फ़ोटो जोड़ें</translation>
    </message>
    <message>
        <source>the file cannot be read (%1)</source>
        <translation type="vanished">फ़ाइल पढ़ी नहीं जा सकती (%1)</translation>
    </message>
    <message>
        <source>Webcam photo</source>
        <translation>वेबकैम फ़ोटो</translation>
    </message>
    <message>
        <source>webcam photo</source>
        <translation>वेबकैम फ़ोटो</translation>
    </message>
    <message>
        <source>Enter the student ID.</source>
        <translation>विद्यार्थी आईडी दर्ज करें।</translation>
    </message>
    <message>
        <source>Enter the student&apos;s name.</source>
        <translation>विद्यार्थी का नाम दर्ज करें।</translation>
    </message>
    <message>
        <source>Choose a class (create one with Students ▸ New class… first).</source>
        <translation>एक कक्षा चुनें (पहले विद्यार्थी ▸ नई कक्षा… से बनाएँ)।</translation>
    </message>
    <message>
        <source>Record the student&apos;s consent to face recognition.</source>
        <translation>चेहरा पहचान के लिए विद्यार्थी की सहमति दर्ज करें।</translation>
    </message>
    <message>
        <source>Wait until every photo is checked.</source>
        <translation>हर फ़ोटो की जाँच पूरी होने तक प्रतीक्षा करें।</translation>
    </message>
    <message>
        <source>Add at least one good photo (3–5 recommended).</source>
        <translation>कम से कम एक अच्छी फ़ोटो जोड़ें (3–5 की सलाह दी जाती है)।</translation>
    </message>
    <message numerus="yes">
        <source>%n good photo(s)</source>
        <translation>
            <numerusform>%n अच्छी फ़ोटो</numerusform>
            <numerusform>%n अच्छी फ़ोटो</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>, %n refused</source>
        <translation>
            <numerusform>, %n अस्वीकृत</numerusform>
            <numerusform>, %n अस्वीकृत</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>, checking %n…</source>
        <translation>
            <numerusform>, %n की जाँच हो रही है…</numerusform>
            <numerusform>, %n की जाँच हो रही है…</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 to %2 recommended</source>
        <translation>%1 से %2 की सलाह दी जाती है</translation>
    </message>
    <message>
        <source>more than %1 adds little</source>
        <translation>%1 से अधिक से विशेष लाभ नहीं</translation>
    </message>
    <message>
        <source>Possible duplicate registration</source>
        <translation>संभावित दोहरा पंजीकरण</translation>
    </message>
    <message>
        <source>These photos look like %1 (%2), who is already registered (distance %3).

Register %4 anyway?</source>
        <translation>ये फ़ोटो %1 (%2) जैसी दिखती हैं, जो पहले से पंजीकृत हैं (दूरी %3)।

फिर भी %4 को पंजीकृत करें?</translation>
    </message>
    <message>
        <source>Register anyway</source>
        <translation>फिर भी पंजीकृत करें</translation>
    </message>
    <message>
        <source>Not registered: %1</source>
        <translation>पंजीकृत नहीं हुआ: %1</translation>
    </message>
    <message>
        <source>From p&amp;hone…</source>
        <translation>फ़ोन से (&amp;H)…</translation>
    </message>
    <message>
        <source>Registration photos of one student: the face alone, looking at the phone, in good light.</source>
        <translation>एक विद्यार्थी की पंजीकरण फ़ोटो: केवल चेहरा, फ़ोन की ओर देखते हुए, अच्छी रोशनी में।</translation>
    </message>
</context>
<context>
    <name>rollcall::RosterEnrolmentJob</name>
    <message>
        <source>Looking for photos</source>
        <translation>फ़ोटो खोजी जा रही हैं</translation>
    </message>
    <message>
        <source>Loading the recognition models</source>
        <translation>पहचान मॉडल लोड हो रहे हैं</translation>
    </message>
    <message>
        <source>not a member of the class</source>
        <translation>कक्षा का सदस्य नहीं</translation>
    </message>
    <message>
        <source>Enrolling %1 (%2 of %3)</source>
        <translation>%1 का नामांकन (%3 में से %2)</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>पूर्ण</translation>
    </message>
    <message>
        <source>no consent recorded</source>
        <translation>सहमति दर्ज नहीं है</translation>
    </message>
</context>
<context>
    <name>rollcall::RosterImportDialog</name>
    <message>
        <source>Import roster</source>
        <translation>सूची आयात करें</translation>
    </message>
    <message>
        <source>A .csv or .xlsx file with columns ID, Name and optionally Email</source>
        <translation>आईडी, नाम और वैकल्पिक रूप से ईमेल कॉलम वाली .csv या .xlsx फ़ाइल</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>ब्राउज़ करें (&amp;B)…</translation>
    </message>
    <message>
        <source>&amp;Class:</source>
        <translation>कक्षा (&amp;C):</translation>
    </message>
    <message>
        <source>&amp;File:</source>
        <translation>फ़ाइल (&amp;F):</translation>
    </message>
    <message>
        <source>&amp;Skip the rejected rows and import the others</source>
        <translation>अस्वीकृत पंक्तियाँ छोड़ें और बाकी आयात करें (&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Import</source>
        <translation>आयात करें (&amp;I)</translation>
    </message>
    <message>
        <source>Skip rejected rows?</source>
        <translation>अस्वीकृत पंक्तियाँ छोड़ें?</translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) of the file are rejected and will not be imported.</source>
        <translation>
            <numerusform>फ़ाइल की %n पंक्ति अस्वीकृत है और आयात नहीं होगी।</numerusform>
            <numerusform>फ़ाइल की %n पंक्तियाँ अस्वीकृत हैं और आयात नहीं होंगी।</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Import the other %n row(s)?</source>
        <translation>
            <numerusform>बाकी %n पंक्ति आयात करें?</numerusform>
            <numerusform>बाकी %n पंक्तियाँ आयात करें?</numerusform>
        </translation>
    </message>
    <message>
        <source>The database is not open.</source>
        <translation>डेटाबेस खुला नहीं है।</translation>
    </message>
    <message>
        <source>Roster file</source>
        <translation>सूची फ़ाइल</translation>
    </message>
    <message>
        <source>Rosters (*.csv *.xlsx);;All files (*)</source>
        <translation>सूचियाँ (*.csv *.xlsx);;सभी फ़ाइलें (*)</translation>
    </message>
    <message>
        <source>Cannot read the file: %1</source>
        <translation>फ़ाइल पढ़ी नहीं जा सकती: %1</translation>
    </message>
    <message>
        <source>%1 to add, %2 to update, %3 unchanged, %4 rejected.</source>
        <translation>%1 जोड़ने हैं, %2 अद्यतन करने हैं, %3 अपरिवर्तित, %4 अस्वीकृत।</translation>
    </message>
    <message>
        <source>Importing…</source>
        <translation>आयात हो रहा है…</translation>
    </message>
    <message>
        <source>Nothing was imported: %1</source>
        <translation>कुछ भी आयात नहीं हुआ: %1</translation>
    </message>
    <message>
        <source>Imported: %1 added, %2 updated, %3 unchanged, %4 skipped.</source>
        <translation>आयात पूर्ण: %1 जोड़े गए, %2 अद्यतन, %3 अपरिवर्तित, %4 छोड़े गए।</translation>
    </message>
    <message>
        <source>Optional: a folder of photos named by student ID (ID.jpg, ID_2.jpg or ID/…)</source>
        <translation>वैकल्पिक: छात्र आईडी के नाम वाली फ़ोटो का फ़ोल्डर (ID.jpg, ID_2.jpg या ID/…)</translation>
    </message>
    <message>
        <source>C&amp;hoose…</source>
        <translation>चुनें (&amp;H)…</translation>
    </message>
    <message>
        <source>&amp;Photos folder:</source>
        <translation>फ़ोटो फ़ोल्डर (&amp;P):</translation>
    </message>
    <message>
        <source>Stop &amp;enrolling</source>
        <translation>नामांकन रोकें (&amp;E)</translation>
    </message>
    <message>
        <source>Photos folder</source>
        <translation>फ़ोटो फ़ोल्डर</translation>
    </message>
    <message>
        <source>The photos folder %1 does not exist.</source>
        <translation>फ़ोटो फ़ोल्डर %1 मौजूद नहीं है।</translation>
    </message>
    <message>
        <source>refused %1</source>
        <translation>अस्वीकृत %1</translation>
    </message>
    <message>
        <source>looks like already-enrolled %1 (%2): check this is not a second registration</source>
        <translation>पहले से नामांकित %1 (%2) जैसा लगता है: जाँचें कि यह दूसरा पंजीकरण तो नहीं</translation>
    </message>
    <message>
        <source>Not matched: %1 (%2)</source>
        <translation>मेल नहीं खाई: %1 (%2)</translation>
    </message>
    <message>
        <source>Enrolment from %1 done.</source>
        <translation>%1 से नामांकन पूर्ण।</translation>
    </message>
    <message>
        <source>Enrolment stopped; the roster is imported and the students listed below were handled.</source>
        <translation>नामांकन रोका गया; सूची आयात हो चुकी है और नीचे दिए छात्रों का काम हो गया।</translation>
    </message>
    <message>
        <source>Enrolment stopped: %1. The roster is imported; the students listed below were handled.</source>
        <translation>नामांकन रुका: %1। सूची आयात हो चुकी है; नीचे दिए छात्रों का काम हो गया।</translation>
    </message>
</context>
<context>
    <name>rollcall::RosterPreviewModel</name>
    <message>
        <source>Add</source>
        <translation>जोड़ें</translation>
    </message>
    <message>
        <source>Update</source>
        <translation>अद्यतन</translation>
    </message>
    <message>
        <source>Unchanged</source>
        <translation>अपरिवर्तित</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>अस्वीकृत</translation>
    </message>
    <message>
        <source>Row %1 of the file</source>
        <translation>फ़ाइल की पंक्ति %1</translation>
    </message>
    <message>
        <source>Row</source>
        <translation>पंक्ति</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>क्रिया</translation>
    </message>
    <message>
        <source>Student ID</source>
        <translation>छात्र आईडी</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>नाम</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>ईमेल</translation>
    </message>
    <message>
        <source>Reason / changes</source>
        <translation>कारण / परिवर्तन</translation>
    </message>
</context>
<context>
    <name>rollcall::RosterTableModel</name>
    <message>
        <source>Uncertain – confirm</source>
        <translation>अनिश्चित – पुष्टि करें</translation>
    </message>
    <message>
        <source>Changed by you</source>
        <translation>आपके द्वारा बदला गया</translation>
    </message>
    <message>
        <source>Recognised</source>
        <translation>पहचाना गया</translation>
    </message>
    <message>
        <source>The face is only a possible match. Tick to confirm it, or click the face in the photo to choose someone else.</source>
        <translation>यह चेहरा केवल एक संभावित मिलान है। पुष्टि के लिए टिक करें, या किसी और को चुनने के लिए फ़ोटो में चेहरे पर क्लिक करें।</translation>
    </message>
    <message>
        <source>Double-click to change the status.</source>
        <translation>स्थिति बदलने के लिए डबल-क्लिक करें।</translation>
    </message>
    <message>
        <source>ID</source>
        <translation>आईडी</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>नाम</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>स्थिति</translation>
    </message>
    <message>
        <source>Distance</source>
        <translation>दूरी</translation>
    </message>
    <message>
        <source>Match</source>
        <translation>मिलान</translation>
    </message>
</context>
<context>
    <name>rollcall::SessionDialog</name>
    <message>
        <source>Session</source>
        <translation>सत्र</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>लोड हो रहा है…</translation>
    </message>
    <message numerus="yes">
        <source>%n present</source>
        <translation>
            <numerusform>%n उपस्थित</numerusform>
            <numerusform>%n उपस्थित</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n absent</source>
        <translation>
            <numerusform>%n अनुपस्थित</numerusform>
            <numerusform>%n अनुपस्थित</numerusform>
        </translation>
    </message>
    <message>
        <source>taken by %1</source>
        <translation>%1 द्वारा ली गई</translation>
    </message>
    <message>
        <source>the photos were deleted by the retention setting</source>
        <translation>फ़ोटो संग्रह-अवधि सेटिंग द्वारा हटा दी गईं</translation>
    </message>
    <message>
        <source>Double-click a status to change it; changes are recorded in the audit log.</source>
        <translation>स्थिति बदलने के लिए उस पर डबल-क्लिक करें; बदलाव ऑडिट लॉग में दर्ज होते हैं।</translation>
    </message>
    <message>
        <source>Photo %1 of %2</source>
        <translation>फ़ोटो %1 / %2</translation>
    </message>
    <message>
        <source>No photo kept for this session.</source>
        <translation>इस सत्र की कोई फ़ोटो नहीं रखी गई।</translation>
    </message>
    <message>
        <source>This photo is no longer in the photo store.</source>
        <translation>यह फ़ोटो अब फ़ोटो भंडार में नहीं है।</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>%1 — %2, period %3</source>
        <translation>%1 — %2, पीरियड %3</translation>
    </message>
    <message>
        <source>&amp;Confirm match</source>
        <translation>मिलान की पुष्टि करें (&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Not this student</source>
        <translation>यह छात्र नहीं है (&amp;N)</translation>
    </message>
    <message>
        <source>The selected uncertain match is right: the student was present.</source>
        <translation>चुना गया अनिश्चित मिलान सही है: छात्र उपस्थित था।</translation>
    </message>
    <message>
        <source>The selected uncertain match is wrong: the student is marked absent.</source>
        <translation>चुना गया अनिश्चित मिलान गलत है: छात्र को अनुपस्थित चिह्नित किया गया है।</translation>
    </message>
    <message numerus="yes">
        <source>%n to review</source>
        <translation>
            <numerusform>%n समीक्षा हेतु</numerusform>
            <numerusform>%n समीक्षा हेतु</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 ?</source>
        <translation>%1 ?</translation>
    </message>
</context>
<context>
    <name>rollcall::SessionRecordModel</name>
    <message>
        <source>Manual</source>
        <translation>मैन्युअल</translation>
    </message>
    <message>
        <source>Automatic</source>
        <translation>स्वचालित</translation>
    </message>
    <message>
        <source>ID</source>
        <translation>आईडी</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>नाम</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>स्थिति</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>स्रोत</translation>
    </message>
    <message>
        <source>Distance</source>
        <translation>दूरी</translation>
    </message>
</context>
<context>
    <name>rollcall::SessionsView</name>
    <message>
        <source>&amp;Open</source>
        <translation>खोलें (&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Delete…</source>
        <translation>हटाएँ (&amp;D)…</translation>
    </message>
    <message>
        <source>All classes</source>
        <translation>सभी कक्षाएँ</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>तारीख</translation>
    </message>
    <message>
        <source>Class</source>
        <translation>कक्षा</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>पीरियड</translation>
    </message>
    <message>
        <source>Present</source>
        <translation>उपस्थित</translation>
    </message>
    <message>
        <source>Absent</source>
        <translation>अनुपस्थित</translation>
    </message>
    <message>
        <source>Late</source>
        <translation>विलंब से</translation>
    </message>
    <message>
        <source>Excused</source>
        <translation>छूट प्राप्त</translation>
    </message>
    <message>
        <source>Class:</source>
        <translation>कक्षा:</translation>
    </message>
    <message>
        <source>From:</source>
        <translation>से:</translation>
    </message>
    <message>
        <source>To:</source>
        <translation>तक:</translation>
    </message>
    <message>
        <source>No sessions in this period. Mark attendance with Attendance ▸ Mark from photo…</source>
        <translation>इस अवधि में कोई सत्र नहीं। उपस्थिति ▸ फ़ोटो से उपस्थिति… से उपस्थिति दर्ज करें</translation>
    </message>
    <message numerus="yes">
        <source>%n session(s)</source>
        <translation>
            <numerusform>%n सत्र</numerusform>
            <numerusform>%n सत्र</numerusform>
        </translation>
    </message>
    <message>
        <source>Delete session</source>
        <translation>सत्र हटाएँ</translation>
    </message>
    <message>
        <source>Delete this attendance session and its records?</source>
        <translation>यह उपस्थिति सत्र और उसके रिकॉर्ड हटाएँ?</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>हटाएँ</translation>
    </message>
    <message>
        <source>To review</source>
        <translation>समीक्षा हेतु</translation>
    </message>
</context>
<context>
    <name>rollcall::SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>सेटिंग्स</translation>
    </message>
    <message>
        <source>Models</source>
        <translation>मॉडल</translation>
    </message>
    <message>
        <source>General</source>
        <translation>सामान्य</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>ब्राउज़ करें…</translation>
    </message>
    <message>
        <source>Models folder:</source>
        <translation>मॉडल फ़ोल्डर:</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>मॉडल</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>भूमिका</translation>
    </message>
    <message>
        <source>Checksum</source>
        <translation>चेकसम</translation>
    </message>
    <message>
        <source>Device</source>
        <translation>उपकरण</translation>
    </message>
    <message>
        <source>Recognition model:</source>
        <translation>पहचान मॉडल:</translation>
    </message>
    <message>
        <source>Recognition thresholds (cosine distance; empty: the model&apos;s calibrated default)</source>
        <translation>पहचान सीमाएँ (कोसाइन दूरी; खाली: मॉडल का अंशांकित डिफ़ॉल्ट)</translation>
    </message>
    <message>
        <source>Match threshold</source>
        <translation>मिलान सीमा</translation>
    </message>
    <message>
        <source>Uncertain band</source>
        <translation>अनिश्चित पट्टी</translation>
    </message>
    <message>
        <source> px</source>
        <translation> px</translation>
    </message>
    <message>
        <source>Faces smaller than this are shown as too small to recognise; take a closer photo of that part of the room.</source>
        <translation>इससे छोटे चेहरे पहचानने के लिए बहुत छोटे दिखाए जाते हैं; कक्षा के उस हिस्से की पास से फ़ोटो लें।</translation>
    </message>
    <message>
        <source>Minimum face size:</source>
        <translation>न्यूनतम चेहरा आकार:</translation>
    </message>
    <message>
        <source>Data folder:</source>
        <translation>डेटा फ़ोल्डर:</translation>
    </message>
    <message>
        <source>Keep forever</source>
        <translation>हमेशा रखें</translation>
    </message>
    <message>
        <source> days</source>
        <translation> दिन</translation>
    </message>
    <message>
        <source>Classroom photos older than this are deleted; the attendance records stay.</source>
        <translation>इससे पुरानी कक्षा की फ़ोटो हटा दी जाती हैं; उपस्थिति रिकॉर्ड बने रहते हैं।</translation>
    </message>
    <message>
        <source>Keep classroom photos:</source>
        <translation>कक्षा की फ़ोटो रखें:</translation>
    </message>
    <message>
        <source>Attendance threshold:</source>
        <translation>उपस्थिति सीमा:</translation>
    </message>
    <message>
        <source>System default</source>
        <translation>सिस्टम डिफ़ॉल्ट</translation>
    </message>
    <message>
        <source>Language:</source>
        <translation>भाषा:</translation>
    </message>
    <message>
        <source>The data folder and language take effect when RollCall is started again.</source>
        <translation>डेटा फ़ोल्डर और भाषा RollCall के फिर से शुरू होने पर लागू होंगे।</translation>
    </message>
    <message>
        <source>Choose a folder</source>
        <translation>फ़ोल्डर चुनें</translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation>जाँच हो रही है…</translation>
    </message>
    <message>
        <source>Automatic (best installed)</source>
        <translation>स्वचालित (सबसे अच्छा स्थापित)</translation>
    </message>
    <message>
        <source>Model default: %1</source>
        <translation>मॉडल डिफ़ॉल्ट: %1</translation>
    </message>
    <message>
        <source>“%1” is not a valid distance threshold (a number between 0 and 2).</source>
        <translation>“%1” मान्य दूरी सीमा नहीं है (0 और 2 के बीच की संख्या)।</translation>
    </message>
    <message>
        <source>Automatic (the GPU when there is one)</source>
        <translation>स्वचालित (GPU हो तो GPU)</translation>
    </message>
    <message>
        <source>CPU</source>
        <translation>CPU</translation>
    </message>
    <message>
        <source>GPU (CUDA)</source>
        <translation>GPU (CUDA)</translation>
    </message>
    <message>
        <source>In use: %1</source>
        <translation>उपयोग में: %1</translation>
    </message>
    <message>
        <source>In use: %1 (%2)</source>
        <translation>उपयोग में: %1 (%2)</translation>
    </message>
    <message>
        <source>Compute device:</source>
        <translation>गणना उपकरण:</translation>
    </message>
    <message>
        <source>The uncertain band of %1 must be smaller than its match threshold.</source>
        <translation>%1 का अनिश्चित दायरा उसकी मिलान सीमा से छोटा होना चाहिए।</translation>
    </message>
    <message>
        <source>The settings could not be saved to %1.</source>
        <translation>सेटिंग्स %1 में सहेजी नहीं जा सकीं।</translation>
    </message>
</context>
<context>
    <name>rollcall::StudentEditDialog</name>
    <message>
        <source>Consent to face recognition recorded</source>
        <translation>चेहरा पहचान की सहमति दर्ज है</translation>
    </message>
    <message>
        <source>Edit student</source>
        <translation>विद्यार्थी संपादित करें</translation>
    </message>
    <message>
        <source>Student &amp;ID:</source>
        <translation>विद्यार्थी आईडी (&amp;I):</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>नाम (&amp;N):</translation>
    </message>
    <message>
        <source>&amp;Email:</source>
        <translation>ईमेल (&amp;E):</translation>
    </message>
    <message>
        <source>The student ID and the name are required.</source>
        <translation>विद्यार्थी आईडी और नाम आवश्यक हैं।</translation>
    </message>
</context>
<context>
    <name>rollcall::StudentTableModel</name>
    <message>
        <source>Active</source>
        <translation>सक्रिय</translation>
    </message>
    <message>
        <source>Inactive</source>
        <translation>निष्क्रिय</translation>
    </message>
    <message>
        <source>Student ID</source>
        <translation>विद्यार्थी आईडी</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>नाम</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>ईमेल</translation>
    </message>
    <message>
        <source>State</source>
        <translation>स्थिति</translation>
    </message>
    <message>
        <source>Attendance</source>
        <translation>उपस्थिति</translation>
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
    <message>
        <source>Show inactive</source>
        <translation>निष्क्रिय दिखाएँ</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>संपादित करें (&amp;E)…</translation>
    </message>
    <message>
        <source>&amp;Move…</source>
        <translation>स्थानांतरित करें (&amp;M)…</translation>
    </message>
    <message>
        <source>&amp;Deactivate</source>
        <translation>निष्क्रिय करें (&amp;D)</translation>
    </message>
    <message>
        <source>De&amp;lete…</source>
        <translation>हटाएँ (&amp;L)…</translation>
    </message>
    <message>
        <source>Search by ID, name or email</source>
        <translation>आईडी, नाम या ईमेल से खोजें</translation>
    </message>
    <message>
        <source>New class…</source>
        <translation>नई कक्षा…</translation>
    </message>
    <message>
        <source>Class:</source>
        <translation>कक्षा:</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>तारीख</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>पीरियड</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>स्थिति</translation>
    </message>
    <message>
        <source>Enrolment photos:</source>
        <translation>पंजीकरण फ़ोटो:</translation>
    </message>
    <message>
        <source>Attendance history:</source>
        <translation>उपस्थिति इतिहास:</translation>
    </message>
    <message>
        <source>Re&amp;activate</source>
        <translation>फिर से सक्रिय करें (&amp;A)</translation>
    </message>
    <message>
        <source>No students in this class yet</source>
        <translation>इस कक्षा में अभी कोई विद्यार्थी नहीं</translation>
    </message>
    <message>
        <source>Register students (Students ▸ Register student…) to mark this class from a photo.</source>
        <translation>इस कक्षा की उपस्थिति फ़ोटो से दर्ज करने के लिए विद्यार्थियों को पंजीकृत करें (विद्यार्थी ▸ विद्यार्थी पंजीकृत करें…)।</translation>
    </message>
    <message>
        <source>Select a student to see their photos and attendance.</source>
        <translation>फ़ोटो और उपस्थिति देखने के लिए एक विद्यार्थी चुनें।</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>No attendance taken yet.</source>
        <translation>अभी तक कोई उपस्थिति नहीं ली गई।</translation>
    </message>
    <message>
        <source>Attendance %1 % (%2 of %3 sessions).</source>
        <translation>उपस्थिति %1 % (%3 में से %2 सत्र)।</translation>
    </message>
    <message>
        <source>No enrolment photos</source>
        <translation>कोई पंजीकरण फ़ोटो नहीं</translation>
    </message>
    <message>
        <source>Move student</source>
        <translation>विद्यार्थी स्थानांतरित करें</translation>
    </message>
    <message>
        <source>There is no other class to move to.</source>
        <translation>स्थानांतरित करने के लिए कोई दूसरी कक्षा नहीं है।</translation>
    </message>
    <message>
        <source>Move %1 to:</source>
        <translation>%1 को यहाँ स्थानांतरित करें:</translation>
    </message>
    <message>
        <source>Delete student</source>
        <translation>विद्यार्थी हटाएँ</translation>
    </message>
    <message>
        <source>Delete %1 (%2)?

Their enrolment photos and face data are removed and their name is forgotten. Past attendance records stay, without the name. This cannot be undone.</source>
        <translation>%1 (%2) को हटाएँ?

उनकी पंजीकरण फ़ोटो और चेहरे का डेटा हटा दिया जाएगा और उनका नाम भुला दिया जाएगा। पिछले उपस्थिति रिकॉर्ड बिना नाम के बने रहेंगे। इसे पूर्ववत नहीं किया जा सकता।</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>हटाएँ</translation>
    </message>
</context>
<context>
    <name>rollcall::SyncController</name>
    <message>
        <source>Sync &amp;now</source>
        <translation>अभी सिंक करें (&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Configure…</source>
        <translation>सेटिंग्स… (&amp;C)</translation>
    </message>
    <message>
        <source>Sync: off</source>
        <translation>सिंक: बंद</translation>
    </message>
    <message>
        <source>No central database is configured (Sync ▸ Configure…).</source>
        <translation>कोई केंद्रीय डेटाबेस सेट नहीं है (सिंक ▸ सेटिंग्स…)।</translation>
    </message>
    <message>
        <source>never</source>
        <translation>कभी नहीं</translation>
    </message>
    <message>
        <source>Synced: %1</source>
        <translation>सिंक हुआ: %1</translation>
    </message>
    <message>
        <source>Sync failed</source>
        <translation>सिंक विफल</translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) to send</source>
        <translation>
            <numerusform>भेजने के लिए %n बदलाव</numerusform>
            <numerusform>भेजने के लिए %n बदलाव</numerusform>
        </translation>
    </message>
    <message>
        <source>Central database: %1</source>
        <translation>केंद्रीय डेटाबेस: %1</translation>
    </message>
    <message>
        <source>No password for the central database; choose Sync ▸ Sync now to enter it.</source>
        <translation>केंद्रीय डेटाबेस का पासवर्ड नहीं है; उसे दर्ज करने के लिए सिंक ▸ अभी सिंक करें चुनें।</translation>
    </message>
    <message>
        <source>Sync</source>
        <translation>सिंक</translation>
    </message>
    <message>
        <source>Password for %1:</source>
        <translation>%1 का पासवर्ड:</translation>
    </message>
    <message>
        <source>Syncing: %1 (%2 of %3)…</source>
        <translation type="vanished">सिंक हो रहा है: %1 (%3 में से %2)…</translation>
    </message>
    <message>
        <source>Syncing: %1…</source>
        <translation>सिंक हो रहा है: %1…</translation>
    </message>
    <message>
        <source>Syncing…</source>
        <translation>सिंक हो रहा है…</translation>
    </message>
    <message>
        <source>Last sync: %1 row(s) sent, %2 received, %3 photo(s) received.</source>
        <translation>पिछला सिंक: %1 पंक्तियाँ भेजी गईं, %2 प्राप्त हुईं, %3 फ़ोटो प्राप्त हुईं।</translation>
    </message>
    <message>
        <source>The sync did not complete. Nothing on this PC was lost; sync again later.

%1</source>
        <translation>सिंक पूरा नहीं हुआ। इस पीसी पर कुछ भी नहीं खोया; बाद में फिर से सिंक करें।

%1</translation>
    </message>
    <message>
        <source>The password could not be stored in the keychain (%1); RollCall will ask for it after a restart.</source>
        <translation>पासवर्ड कीचेन में सहेजा नहीं जा सका (%1); पुनः आरंभ के बाद RollCall उसे फिर पूछेगा।</translation>
    </message>
    <message>
        <source>server not verified</source>
        <translation>सर्वर सत्यापित नहीं</translation>
    </message>
</context>
<context>
    <name>rollcall::SyncJob</name>
    <message>
        <source>%1 (%2 of %3)</source>
        <translation>%1 (%3 में से %2)</translation>
    </message>
</context>
<context>
    <name>rollcall::SyncSettingsDialog</name>
    <message>
        <source>Sync settings</source>
        <translation>सिंक सेटिंग्स</translation>
    </message>
    <message>
        <source>&amp;Server:</source>
        <translation>सर्वर (&amp;S):</translation>
    </message>
    <message>
        <source>&amp;Port:</source>
        <translation>पोर्ट (&amp;P):</translation>
    </message>
    <message>
        <source>&amp;Database:</source>
        <translation>डेटाबेस (&amp;D):</translation>
    </message>
    <message>
        <source>&amp;User:</source>
        <translation>उपयोगकर्ता (&amp;U):</translation>
    </message>
    <message>
        <source>(stored in the keychain; type to change)</source>
        <translation>(कीचेन में सहेजा गया; बदलने के लिए टाइप करें)</translation>
    </message>
    <message>
        <source>(kept in the system keychain)</source>
        <translation>(सिस्टम कीचेन में रखा जाता है)</translation>
    </message>
    <message>
        <source>Pass&amp;word:</source>
        <translation>पासवर्ड (&amp;W):</translation>
    </message>
    <message>
        <source>Verify the server&apos;s certificate and name (recommended)</source>
        <translation>सर्वर का प्रमाणपत्र और नाम जाँचें (अनुशंसित)</translation>
    </message>
    <message>
        <source>Verify the server&apos;s certificate</source>
        <translation>सर्वर का प्रमाणपत्र जाँचें</translation>
    </message>
    <message>
        <source>Encrypt, do not verify</source>
        <translation>एन्क्रिप्ट करें, जाँच नहीं</translation>
    </message>
    <message>
        <source>Encrypt if the server can</source>
        <translation>सर्वर समर्थन करे तो एन्क्रिप्ट करें</translation>
    </message>
    <message>
        <source>No encryption (trial set-ups only)</source>
        <translation>कोई एन्क्रिप्शन नहीं (केवल परीक्षण के लिए)</translation>
    </message>
    <message>
        <source>&amp;TLS:</source>
        <translation>टीएलएस (&amp;T):</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>ब्राउज़ करें… (&amp;B)</translation>
    </message>
    <message>
        <source>&amp;CA certificate:</source>
        <translation>सीए प्रमाणपत्र (&amp;C):</translation>
    </message>
    <message>
        <source> min</source>
        <translation> मिनट</translation>
    </message>
    <message>
        <source>Only when I choose Sync now</source>
        <translation>केवल जब मैं &apos;अभी सिंक करें&apos; चुनूँ</translation>
    </message>
    <message>
        <source>Sync &amp;every:</source>
        <translation>हर इतने समय में सिंक (&amp;E):</translation>
    </message>
    <message>
        <source>Also send classroom photos (enrolment photos are always sent)</source>
        <translation>कक्षा की फ़ोटो भी भेजें (पंजीकरण फ़ोटो हमेशा भेजी जाती हैं)</translation>
    </message>
    <message>
        <source>The department&apos;s central PostgreSQL database. Each PC keeps working offline and sends its changes when it syncs.</source>
        <translation>विभाग का केंद्रीय PostgreSQL डेटाबेस। हर पीसी ऑफ़लाइन काम करता रहता है और सिंक करते समय अपने बदलाव भेजता है।</translation>
    </message>
    <message>
        <source>CA certificate</source>
        <translation>सीए प्रमाणपत्र</translation>
    </message>
    <message>
        <source>Certificates (*.crt *.pem *.cer);;All files (*)</source>
        <translation>प्रमाणपत्र (*.crt *.pem *.cer);;सभी फ़ाइलें (*)</translation>
    </message>
    <message>
        <source>Choose the CA certificate of the department&apos;s server: verifying the server needs it.</source>
        <translation>विभाग के सर्वर का CA प्रमाणपत्र चुनें: सर्वर को सत्यापित करने के लिए यह आवश्यक है।</translation>
    </message>
</context>
</TS>
