<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>coffer::ui::CatalogPage</name>
    <message numerus="yes">
        <location filename="../ui/catalog/CatalogPage.cpp" line="170"/>
        <source>%n backup(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/catalog/CatalogPage.cpp" line="171"/>
        <source>%n repository(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/catalog/CatalogPage.cpp" line="173"/>
        <source> (%n unreadable)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>coffer::ui::DisplayFormat</name>
    <message numerus="yes">
        <location filename="../ui/DisplayFormat.cpp" line="70"/>
        <source>All %n check(s) passed.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
</TS>
