<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>coffer::ui::CatalogPage</name>
    <message numerus="yes">
        <location filename="../ui/catalog/CatalogPage.cpp" line="171"/>
        <source>%n backup(s)</source>
        <translation>
            <numerusform>%n backup</numerusform>
            <numerusform>%n backups</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/catalog/CatalogPage.cpp" line="172"/>
        <source>%n repository(s)</source>
        <translation>
            <numerusform>%n repository</numerusform>
            <numerusform>%n repositories</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/catalog/CatalogPage.cpp" line="174"/>
        <source>%n unreadable</source>
        <translation>
            <numerusform>%n unreadable</numerusform>
            <numerusform>%n unreadable</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>coffer::ui::DisplayFormat</name>
    <message numerus="yes">
        <location filename="../ui/DisplayFormat.cpp" line="73"/>
        <source>All %n check(s) passed.</source>
        <translation>
            <numerusform>The check passed.</numerusform>
            <numerusform>All %n checks passed.</numerusform>
        </translation>
    </message>
</context>
</TS>
