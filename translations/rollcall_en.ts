<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>rollcall::FirstRunDialog</name>
    <message numerus="yes">
        <source>&lt;p&gt;RollCall needs %n model file(s) to find and recognise faces (%1 MB to download). They are not included with the program because of their size and licences.&lt;/p&gt;&lt;p&gt;Download them now, or choose the files if your department gave them to you (on a USB stick or a shared folder). Until then RollCall opens normally, but it cannot take attendance from photos.&lt;/p&gt;</source>
        <translation>
            <numerusform>&lt;p&gt;RollCall needs %n model file to find and recognise faces (%1 MB to download). It is not included with the program because of its size and licence.&lt;/p&gt;&lt;p&gt;Download it now, or choose the file if your department gave it to you (on a USB stick or a shared folder). Until then RollCall opens normally, but it cannot take attendance from photos.&lt;/p&gt;</numerusform>
            <numerusform>&lt;p&gt;RollCall needs %n model files to find and recognise faces (%1 MB to download). They are not included with the program because of their size and licences.&lt;/p&gt;&lt;p&gt;Download them now, or choose the files if your department gave them to you (on a USB stick or a shared folder). Until then RollCall opens normally, but it cannot take attendance from photos.&lt;/p&gt;</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>rollcall::MainWindow</name>
    <message numerus="yes">
        <source>Models: %n missing</source>
        <translation>
            <numerusform>Models: %n missing</numerusform>
            <numerusform>Models: %n missing</numerusform>
        </translation>
    </message>
</context>
</TS>
