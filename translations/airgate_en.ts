<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>Console</name>
    <message numerus="yes">
        <source>Airgate was closed on %1 with unsaved edits to %n file(s) of this workspace:
%2
Restore them? (Edit ▸ Undo takes them back.)</source>
        <translation>
            <numerusform>Airgate was closed on %1 with unsaved edits to %n file of this workspace:
%2
Restore them? (Edit ▸ Undo takes them back.)</numerusform>
            <numerusform>Airgate was closed on %1 with unsaved edits to %n files of this workspace:
%2
Restore them? (Edit ▸ Undo takes them back.)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n resource(s)</source>
        <translation>
            <numerusform>%n resource</numerusform>
            <numerusform>%n resources</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n error(s)</source>
        <translation>
            <numerusform>%n error</numerusform>
            <numerusform>%n errors</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n warning(s)</source>
        <translation>
            <numerusform>%n warning</numerusform>
            <numerusform>%n warnings</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>New name (%n reference(s) will be updated):</source>
        <translation>
            <numerusform>New name (%n reference will be updated):</numerusform>
            <numerusform>New name (%n references will be updated):</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The workspace has %n error(s); fix them or export anyway.</source>
        <translation>
            <numerusform>The workspace has %n error; fix them or export anyway.</numerusform>
            <numerusform>The workspace has %n errors; fix them or export anyway.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>&amp;Status (%n ignored)</source>
        <translation>
            <numerusform>&amp;Status (%n ignored)</numerusform>
            <numerusform>&amp;Status (%n ignored)</numerusform>
        </translation>
    </message>
</context>
</TS>
