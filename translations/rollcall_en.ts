<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>RosterEnrolmentReport</name>
    <message numerus="yes">
        <source>enrolled with %1 of %n photo(s)</source>
        <translation>
            <numerusform>enrolled with %1 of %n photo</numerusform>
            <numerusform>enrolled with %1 of %n photos</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>(%n already enrolled before)</source>
        <translation>
            <numerusform>(%n already enrolled before)</numerusform>
            <numerusform>(%n already enrolled before)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>not enrolled: all %n photo(s) refused</source>
        <translation>
            <numerusform>not enrolled: the %n photo was refused</numerusform>
            <numerusform>not enrolled: all %n photos refused</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>rollcall::DashboardView</name>
    <message numerus="yes">
        <source>%n session(s), average attendance %1 %, %2 below %3 %.</source>
        <translation>
            <numerusform>%n session, average attendance %1 %, %2 below %3 %.</numerusform>
            <numerusform>%n sessions, average attendance %1 %, %2 below %3 %.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n student(s)</source>
        <translation>
            <numerusform>%n student</numerusform>
            <numerusform>%n students</numerusform>
        </translation>
    </message>
</context>
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
    <message numerus="yes">
        <source>Backed up to %1 (%n photo(s)).</source>
        <translation>
            <numerusform>Backed up to %1 (%n photo).</numerusform>
            <numerusform>Backed up to %1 (%n photos).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Restore the backup made on %1 (%n photo(s))?

The current database is replaced (it is kept beside it as a copy). RollCall restarts to do this.</source>
        <translation>
            <numerusform>Restore the backup made on %1 (%n photo)?

The current database is replaced (it is kept beside it as a copy). RollCall restarts to do this.</numerusform>
            <numerusform>Restore the backup made on %1 (%n photos)?

The current database is replaced (it is kept beside it as a copy). RollCall restarts to do this.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>rollcall::MarkDialog</name>
    <message numerus="yes">
        <source>%n face(s) found</source>
        <translation>
            <numerusform>%n face found</numerusform>
            <numerusform>%n faces found</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n uncertain match(es) to confirm</source>
        <translation type="vanished">
            <numerusform>%n uncertain match to confirm</numerusform>
            <numerusform>%n uncertain matches to confirm</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n unknown face(s): click one to say who it is</source>
        <translation>
            <numerusform>%n unknown face: click one to say who it is</numerusform>
            <numerusform>%n unknown faces: click one to say who it is</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n face(s) too small to recognise: take a closer photo of that part of the room</source>
        <translation>
            <numerusform>%n face too small to recognise: take a closer photo of that part of the room</numerusform>
            <numerusform>%n faces too small to recognise: take a closer photo of that part of the room</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n uncertain match(es) to confirm: saved as “to review” until you do</source>
        <translation>
            <numerusform>%n uncertain match to confirm: saved as “to review” until you do</numerusform>
            <numerusform>%n uncertain matches to confirm: saved as “to review” until you do</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>rollcall::PhoneUploadDialog</name>
    <message numerus="yes">
        <source>%n photo(s) received from %1. Scan the new code to send more.</source>
        <translation>
            <numerusform>%n photo received from %1. Scan the new code to send more.</numerusform>
            <numerusform>%n photos received from %1. Scan the new code to send more.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>rollcall::PhoneUploadServer</name>
    <message numerus="yes">
        <source>%n photo(s) reached the PC. To send more, scan the new code on the PC&apos;s screen.</source>
        <translation>
            <numerusform>%n photo reached the PC. To send more, scan the new code on the PC&apos;s screen.</numerusform>
            <numerusform>%n photos reached the PC. To send more, scan the new code on the PC&apos;s screen.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>rollcall::RegisterStudentDialog</name>
    <message numerus="yes">
        <source>%n good photo(s)</source>
        <translation>
            <numerusform>%n good photo</numerusform>
            <numerusform>%n good photos</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>, %n refused</source>
        <translation>
            <numerusform>, %n refused</numerusform>
            <numerusform>, %n refused</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>, checking %n…</source>
        <translation>
            <numerusform>, checking %n…</numerusform>
            <numerusform>, checking %n…</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>rollcall::RosterImportDialog</name>
    <message numerus="yes">
        <source>%n row(s) of the file are rejected and will not be imported.</source>
        <translation>
            <numerusform>%n row of the file is rejected and will not be imported.</numerusform>
            <numerusform>%n rows of the file are rejected and will not be imported.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Import the other %n row(s)?</source>
        <translation>
            <numerusform>Import the other row?</numerusform>
            <numerusform>Import the other %n rows?</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>rollcall::SessionDialog</name>
    <message numerus="yes">
        <source>%n present</source>
        <translation>
            <numerusform>%n present</numerusform>
            <numerusform>%n present</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n absent</source>
        <translation>
            <numerusform>%n absent</numerusform>
            <numerusform>%n absent</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n to review</source>
        <translation>
            <numerusform>%n to review</numerusform>
            <numerusform>%n to review</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>rollcall::SessionsView</name>
    <message numerus="yes">
        <source>%n session(s)</source>
        <translation>
            <numerusform>%n session</numerusform>
            <numerusform>%n sessions</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>rollcall::SyncController</name>
    <message numerus="yes">
        <source>%n change(s) to send</source>
        <translation>
            <numerusform>%n change to send</numerusform>
            <numerusform>%n changes to send</numerusform>
        </translation>
    </message>
</context>
</TS>
