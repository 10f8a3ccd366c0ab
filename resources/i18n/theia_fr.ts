<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR">
  <context>
    <name>Theia</name>
    <message>
      <location filename="../../theia_plugin/ui/options_page.py" line="40" />
      <source> s</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../theia_plugin/plugin.py" line="76" />
      <source>&amp;Theia</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../theia_plugin/ui/options_page.py" line="65" />
      <source>Cache folder</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../theia_plugin/ui/options_page.py" line="67" />
      <source>Default download folder</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../theia_plugin/ui/options_page.py" line="70" />
      <source>Detailed logs (debug mode)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../theia_plugin/toolbelt/log.py" line="79" />
      <source>Details…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../theia_plugin/ui/options_page.py" line="62" />
      <source>Folders</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../theia_plugin/plugin.py" line="89" />
      <source>Help</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../theia_plugin/ui/options_page.py" line="42" />
      <source>How long to wait for a server before giving up on a request.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../theia_plugin/ui/options_page.py" line="48" />
      <source>How many times a failed read request is tried again (with increasing delays).</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../theia_plugin/ui/options_page.py" line="36" />
      <source>Network</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../theia_plugin/ui/options_page.py" line="53" />
      <source>Proxy, SSL and credentials are the QGIS ones: Settings › Options › Network and Settings › Options › Authentication.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../theia_plugin/ui/options_page.py" line="44" />
      <source>Request timeout</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../theia_plugin/ui/options_page.py" line="50" />
      <source>Retries</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../theia_plugin/plugin.py" line="83" />
      <source>Settings…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../theia_plugin/plugin.py" line="78" />
      <source>Theia</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../theia_plugin/processing/provider.py" line="28" />
      <source>Theia (Data Terra) — version {}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../../theia_plugin/ui/options_page.py" line="72" />
      <source>Theia plugin version {}</source>
      <translation type="unfinished" />
    </message>
  </context>
</TS>
