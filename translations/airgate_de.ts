<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>Console</name>
    <message>
        <source>Browse…</source>
        <translation>Durchsuchen…</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>Name:</translation>
    </message>
    <message>
        <source>Airgate console: author, validate and run Traefik Hub API resources offline.</source>
        <translation>Airgate-Konsole: Traefik-Hub-API-Ressourcen offline schreiben, prüfen und ausführen.</translation>
    </message>
    <message>
        <source>Render the main window to a PNG and exit.</source>
        <translation>Hauptfenster als PNG speichern und beenden.</translation>
    </message>
    <message>
        <source>Window size for --screenshot.</source>
        <translation>Fenstergröße für --screenshot.</translation>
    </message>
    <message>
        <source>Resource to select, as Kind|namespace|name.</source>
        <translation>Auszuwählende Ressource als Kind|Namespace|Name.</translation>
    </message>
    <message>
        <source>Editor tab: form or yaml.</source>
        <translation>Editor-Reiter: form oder yaml.</translation>
    </message>
    <message>
        <source>Go to problem N (0-based) as a double-click would.</source>
        <translation>Zu Problem N (ab 0) springen wie per Doppelklick.</translation>
    </message>
    <message>
        <source>Bottom panel to show: problems or gateway.</source>
        <translation>Unteres Panel: problems oder gateway.</translation>
    </message>
    <message>
        <source>Workspace folder to open.</source>
        <translation>Zu öffnender Arbeitsbereich.</translation>
    </message>
    <message>
        <source>Welcome to Airgate</source>
        <translation>Willkommen bei Airgate</translation>
    </message>
    <message>
        <source>Open a folder of Traefik Hub manifests, or start with the bundled example.</source>
        <translation>Öffnen Sie einen Ordner mit Traefik-Hub-Manifesten oder beginnen Sie mit dem mitgelieferten Beispiel.</translation>
    </message>
    <message>
        <source>Open &amp;example</source>
        <translation>&amp;Beispiel öffnen</translation>
    </message>
    <message>
        <source>&amp;Open workspace…</source>
        <translation>Arbeitsbereich ö&amp;ffnen…</translation>
    </message>
    <message>
        <source>Filter resources (Ctrl+F)</source>
        <translation>Ressourcen filtern (Strg+F)</translation>
    </message>
    <message>
        <source>Only with problems</source>
        <translation>Nur mit Problemen</translation>
    </message>
    <message>
        <source>&amp;YAML</source>
        <translation>&amp;YAML</translation>
    </message>
    <message>
        <source>Problems</source>
        <translation>Probleme</translation>
    </message>
    <message>
        <source>Gateway</source>
        <translation>Gateway</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>Open example</source>
        <translation>Beispiel öffnen</translation>
    </message>
    <message>
        <source>The bundled example workspace was not found.</source>
        <translation>Das mitgelieferte Beispiel wurde nicht gefunden.</translation>
    </message>
    <message>
        <source>&amp;Recent workspaces</source>
        <translation>&amp;Zuletzt geöffnet</translation>
    </message>
    <message>
        <source>&amp;Save file</source>
        <translation>Datei &amp;speichern</translation>
    </message>
    <message>
        <source>Save &amp;all</source>
        <translation>&amp;Alle speichern</translation>
    </message>
    <message>
        <source>Re&amp;vert file</source>
        <translation>Datei &amp;zurücksetzen</translation>
    </message>
    <message>
        <source>Revert all</source>
        <translation>Alle zurücksetzen</translation>
    </message>
    <message>
        <source>E&amp;xport…</source>
        <translation>E&amp;xportieren…</translation>
    </message>
    <message>
        <source>Se&amp;ttings…</source>
        <translation>E&amp;instellungen…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Bearbeiten</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Rückgängig</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Wiederholen</translation>
    </message>
    <message>
        <source>&amp;Find resource</source>
        <translation>Ressource &amp;suchen</translation>
    </message>
    <message>
        <source>Show &amp;form</source>
        <translation>&amp;Formular zeigen</translation>
    </message>
    <message>
        <source>Show &amp;YAML</source>
        <translation>&amp;YAML zeigen</translation>
    </message>
    <message>
        <source>Show &amp;problems</source>
        <translation>&amp;Probleme zeigen</translation>
    </message>
    <message>
        <source>&amp;Resource</source>
        <translation>&amp;Ressource</translation>
    </message>
    <message>
        <source>New &amp;API from OpenAPI…</source>
        <translation>Neue &amp;API aus OpenAPI…</translation>
    </message>
    <message>
        <source>New managed a&amp;pplication…</source>
        <translation>Neue verwaltete A&amp;nwendung…</translation>
    </message>
    <message>
        <source>New p&amp;lan…</source>
        <translation>Neuer &amp;Plan…</translation>
    </message>
    <message>
        <source>New p&amp;ortal…</source>
        <translation>Neues P&amp;ortal…</translation>
    </message>
    <message>
        <source>New &amp;resource</source>
        <translation>Neue &amp;Ressource</translation>
    </message>
    <message>
        <source>Re&amp;name…</source>
        <translation>&amp;Umbenennen…</translation>
    </message>
    <message>
        <source>&amp;Delete…</source>
        <translation>&amp;Löschen…</translation>
    </message>
    <message>
        <source>API &amp;keys…</source>
        <translation>API-&amp;Schlüssel…</translation>
    </message>
    <message>
        <source>&amp;Gateway</source>
        <translation>&amp;Gateway</translation>
    </message>
    <message>
        <source>&amp;Start</source>
        <translation>&amp;Starten</translation>
    </message>
    <message>
        <source>S&amp;top</source>
        <translation>S&amp;toppen</translation>
    </message>
    <message>
        <source>&amp;Restart</source>
        <translation>&amp;Neu starten</translation>
    </message>
    <message>
        <source>Reload on &amp;save</source>
        <translation>Beim &amp;Speichern neu laden</translation>
    </message>
    <message>
        <source>Open &amp;portal</source>
        <translation>&amp;Portal öffnen</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>&amp;About Airgate</source>
        <translation>Ü&amp;ber Airgate</translation>
    </message>
    <message>
        <source>About Airgate</source>
        <translation>Über Airgate</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Airgate %1&lt;/h3&gt;&lt;p&gt;Offline API-management workbench for Traefik Hub resources: author, validate, save, run and watch.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Airgate %1&lt;/h3&gt;&lt;p&gt;Offline-Werkbank für das API-Management mit Traefik-Hub-Ressourcen: schreiben, prüfen, speichern, ausführen und beobachten.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Open workspace</source>
        <translation>Arbeitsbereich öffnen</translation>
    </message>
    <message>
        <source>Cannot open %1: %2</source>
        <translation>%1 kann nicht geöffnet werden: %2</translation>
    </message>
    <message>
        <source>Unsaved edits found</source>
        <translation>Ungespeicherte Änderungen gefunden</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Speichern</translation>
    </message>
    <message>
        <source>Could not save: %1
Nothing was lost: the edits are still here and in the autosave journal.</source>
        <translation>Speichern fehlgeschlagen: %1
Nichts ging verloren: die Änderungen sind noch hier und im Sicherungsjournal.</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>Gespeichert.</translation>
    </message>
    <message>
        <source>Could not save %1: %2</source>
        <translation>%1 konnte nicht gespeichert werden: %2</translation>
    </message>
    <message>
        <source>Saved %1.</source>
        <translation>%1 gespeichert.</translation>
    </message>
    <message>
        <source>No workspace open — File ▸ Open example</source>
        <translation>Kein Arbeitsbereich geöffnet — Datei ▸ Beispiel öffnen</translation>
    </message>
    <message>
        <source>Problems (%1)</source>
        <translation>Probleme (%1)</translation>
    </message>
    <message>
        <source>Gateway running</source>
        <translation>Gateway läuft</translation>
    </message>
    <message>
        <source>Gateway starting</source>
        <translation>Gateway startet</translation>
    </message>
    <message>
        <source>Gateway failed</source>
        <translation>Gateway fehlgeschlagen</translation>
    </message>
    <message>
        <source>Gateway stopped</source>
        <translation>Gateway gestoppt</translation>
    </message>
    <message>
        <source>Reloaded from disk: %1</source>
        <translation>Von der Festplatte neu geladen: %1</translation>
    </message>
    <message>
        <source>Files changed on disk</source>
        <translation>Dateien auf der Festplatte geändert</translation>
    </message>
    <message>
        <source>These files changed on disk while they have unsaved edits here:
%1</source>
        <translation>Diese Dateien wurden auf der Festplatte geändert, während sie hier ungespeicherte Änderungen haben:
%1</translation>
    </message>
    <message>
        <source>&amp;Reload from disk</source>
        <translation>Von der Festplatte &amp;neu laden</translation>
    </message>
    <message>
        <source>&amp;Keep my edits</source>
        <translation>Meine Änderungen &amp;behalten</translation>
    </message>
    <message>
        <source>New %1</source>
        <translation>Neu: %1</translation>
    </message>
    <message>
        <source>New %1 %2</source>
        <translation>Neu: %1 %2</translation>
    </message>
    <message>
        <source>Wizard</source>
        <translation>Assistent</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Angelegt</translation>
    </message>
    <message>
        <source>New name:</source>
        <translation>Neuer Name:</translation>
    </message>
    <message numerus="yes">
        <source>New name (%n reference(s) will be updated):</source>
        <translation><numerusform>Neuer Name (%n Verweis wird aktualisiert):</numerusform><numerusform>Neuer Name (%n Verweise werden aktualisiert):</numerusform></translation>
    </message>
    <message>
        <source>Rename %1</source>
        <translation>%1 umbenennen</translation>
    </message>
    <message>
        <source>Delete %1?</source>
        <translation>%1 löschen?</translation>
    </message>
    <message>
        <source>These resources refer to it and will have a dangling reference:
%1</source>
        <translation>Diese Ressourcen verweisen darauf und hätten dann einen ungültigen Verweis:
%1</translation>
    </message>
    <message>
        <source>Delete resource</source>
        <translation>Ressource löschen</translation>
    </message>
    <message>
        <source>Select a managed application to manage its API keys.</source>
        <translation>Wählen Sie eine verwaltete Anwendung, um ihre API-Schlüssel zu verwalten.</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Export</translation>
    </message>
    <message numerus="yes">
        <source>The workspace has %n error(s); fix them or export anyway.</source>
        <translation><numerusform>Der Arbeitsbereich hat %n Fehler; beheben Sie ihn oder exportieren Sie trotzdem.</numerusform><numerusform>Der Arbeitsbereich hat %n Fehler; beheben Sie sie oder exportieren Sie trotzdem.</numerusform></translation>
    </message>
    <message>
        <source>Exported to %1.</source>
        <translation>Nach %1 exportiert.</translation>
    </message>
    <message>
        <source>Export manifests</source>
        <translation>Manifeste exportieren</translation>
    </message>
    <message>
        <source>One bundle.yaml in apply order</source>
        <translation>Eine bundle.yaml in Anwendungsreihenfolge</translation>
    </message>
    <message>
        <source>One folder per namespace</source>
        <translation>Ein Ordner pro Namespace</translation>
    </message>
    <message>
        <source>Kustomize (one file per resource)</source>
        <translation>Kustomize (eine Datei pro Ressource)</translation>
    </message>
    <message>
        <source>Export even with errors</source>
        <translation>Auch mit Fehlern exportieren</translation>
    </message>
    <message>
        <source>Layout:</source>
        <translation>Aufbau:</translation>
    </message>
    <message>
        <source>Folder:</source>
        <translation>Ordner:</translation>
    </message>
    <message>
        <source>Export folder</source>
        <translation>Exportordner</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <source>Follow the system</source>
        <translation>Wie das System</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>Hell</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>Dunkel</translation>
    </message>
    <message>
        <source>System</source>
        <translation>System</translation>
    </message>
    <message>
        <source>Theme:</source>
        <translation>Design:</translation>
    </message>
    <message>
        <source>Font size:</source>
        <translation>Schriftgröße:</translation>
    </message>
    <message>
        <source>Unsaved edits</source>
        <translation>Ungespeicherte Änderungen</translation>
    </message>
    <message>
        <source>Save the edits to %1?</source>
        <translation>Änderungen an %1 speichern?</translation>
    </message>
    <message>
        <source>New API key</source>
        <translation>Neuer API-Schlüssel</translation>
    </message>
    <message>
        <source>&lt;b&gt;This is the only time the key is shown.&lt;/b&gt; The workspace holds only its SHAKE256 digest (Secret &lt;tt&gt;%1&lt;/tt&gt;).</source>
        <translation>&lt;b&gt;Der Schlüssel wird nur dieses eine Mal angezeigt.&lt;/b&gt; Der Arbeitsbereich enthält nur seinen SHAKE256-Hash (Secret &lt;tt&gt;%1&lt;/tt&gt;).</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>&amp;Kopieren</translation>
    </message>
    <message>
        <source>Stored in the keychain (%1), where the console&apos;s try-request box reads it.</source>
        <translation>Im Schlüsselbund gespeichert (%1); die Testanfrage der Konsole liest ihn dort.</translation>
    </message>
    <message>
        <source>&lt;b&gt;No keychain is available&lt;/b&gt; (%1). The key is kept nowhere: copy it now and hand it to the application&apos;s owner.</source>
        <translation>&lt;b&gt;Kein Schlüsselbund verfügbar&lt;/b&gt; (%1). Der Schlüssel wird nirgends aufbewahrt: kopieren Sie ihn jetzt und geben Sie ihn dem Besitzer der Anwendung.</translation>
    </message>
    <message>
        <source>&lt;b&gt;The keychain refused the key&lt;/b&gt; (%1). Copy it now.</source>
        <translation>&lt;b&gt;Der Schlüsselbund hat den Schlüssel abgelehnt&lt;/b&gt; (%1). Kopieren Sie ihn jetzt.</translation>
    </message>
    <message>
        <source>Copied</source>
        <translation>Kopiert</translation>
    </message>
    <message>
        <source>API keys of %1</source>
        <translation>API-Schlüssel von %1</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Titel</translation>
    </message>
    <message>
        <source>Secret</source>
        <translation>Secret</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <source>Digest</source>
        <translation>Hash</translation>
    </message>
    <message>
        <source>&amp;Generate…</source>
        <translation>&amp;Erzeugen…</translation>
    </message>
    <message>
        <source>&amp;Rotate</source>
        <translation>&amp;Rotieren</translation>
    </message>
    <message>
        <source>&amp;Suspend / resume</source>
        <translation>&amp;Sperren / freigeben</translation>
    </message>
    <message>
        <source>&amp;Title…</source>
        <translation>&amp;Titel…</translation>
    </message>
    <message>
        <source>Re&amp;voke</source>
        <translation>&amp;Widerrufen</translation>
    </message>
    <message>
        <source>Rotating adds a new key beside the old one; revoke the old one once clients have switched. Plaintext keys live only in the keychain (%1).</source>
        <translation>Rotieren fügt einen neuen Schlüssel neben dem alten hinzu; widerrufen Sie den alten, sobald die Clients umgestellt haben. Klartextschlüssel liegen nur im Schlüsselbund (%1).</translation>
    </message>
    <message>
        <source>Title:</source>
        <translation>Titel:</translation>
    </message>
    <message>
        <source>Key title</source>
        <translation>Schlüsseltitel</translation>
    </message>
    <message>
        <source>(inline digest)</source>
        <translation>(Hash inline)</translation>
    </message>
    <message>
        <source>suspended</source>
        <translation>gesperrt</translation>
    </message>
    <message>
        <source>active</source>
        <translation>aktiv</translation>
    </message>
    <message>
        <source>SHAKE256 digest</source>
        <translation>SHAKE256-Hash</translation>
    </message>
    <message>
        <source>missing or not a digest</source>
        <translation>fehlt oder kein Hash</translation>
    </message>
    <message>
        <source>Revoke API key</source>
        <translation>API-Schlüssel widerrufen</translation>
    </message>
    <message>
        <source>Revoke “%1”? Clients using it get 401 once the change is deployed; the key is removed from the keychain.</source>
        <translation>„%1“ widerrufen? Clients damit erhalten 401, sobald die Änderung ausgerollt ist; der Schlüssel wird aus dem Schlüsselbund entfernt.</translation>
    </message>
    <message>
        <source>Serve the document locally by adding “%1/%2: %3” under specs: in airgate.yaml.</source>
        <translation>Stellen Sie das Dokument lokal bereit, indem Sie „%1/%2: %3“ unter specs: in airgate.yaml eintragen.</translation>
    </message>
    <message>
        <source>The OIDC client secret is not written to the workspace: set it on the cluster, or locally in airgate.yaml.</source>
        <translation>Das OIDC-Client-Secret wird nicht in den Arbeitsbereich geschrieben: setzen Sie es im Cluster oder lokal.</translation>
    </message>
    <message>
        <source>Invalid name</source>
        <translation>Ungültiger Name</translation>
    </message>
    <message>
        <source>“%1” is not a DNS label: lower-case letters, digits and &apos;-&apos;, starting and ending with a letter or digit.</source>
        <translation>„%1“ ist kein DNS-Label: Kleinbuchstaben, Ziffern und „-“, Anfang und Ende ein Buchstabe oder eine Ziffer.</translation>
    </message>
    <message>
        <source>New API from an OpenAPI document</source>
        <translation>Neue API aus einem OpenAPI-Dokument</translation>
    </message>
    <message>
        <source>OpenAPI document:</source>
        <translation>OpenAPI-Dokument:</translation>
    </message>
    <message>
        <source>Namespace:</source>
        <translation>Namespace:</translation>
    </message>
    <message>
        <source>Host:</source>
        <translation>Host:</translation>
    </message>
    <message>
        <source>api.example.com</source>
        <translation>api.example.com</translation>
    </message>
    <message>
        <source>Path prefix:</source>
        <translation>Pfadpräfix:</translation>
    </message>
    <message>
        <source>Service:</source>
        <translation>Service:</translation>
    </message>
    <message>
        <source>Service port:</source>
        <translation>Service-Port:</translation>
    </message>
    <message>
        <source>Operation sets from the document&apos;s tags</source>
        <translation>Operation Sets aus den Tags des Dokuments</translation>
    </message>
    <message>
        <source>OpenAPI document</source>
        <translation>OpenAPI-Dokument</translation>
    </message>
    <message>
        <source>OpenAPI (*.json *.yaml *.yml)</source>
        <translation>OpenAPI (*.json *.yaml *.yml)</translation>
    </message>
    <message>
        <source>New API</source>
        <translation>Neue API</translation>
    </message>
    <message>
        <source>New managed application</source>
        <translation>Neue verwaltete Anwendung</translation>
    </message>
    <message>
        <source>Owner:</source>
        <translation>Besitzer:</translation>
    </message>
    <message>
        <source>the user&apos;s sub claim, or a group</source>
        <translation>der sub-Claim des Benutzers oder eine Gruppe</translation>
    </message>
    <message>
        <source>Generate a first API key</source>
        <translation>Einen ersten API-Schlüssel erzeugen</translation>
    </message>
    <message>
        <source>Key title:</source>
        <translation>Schlüsseltitel:</translation>
    </message>
    <message>
        <source>First key</source>
        <translation>Erster Schlüssel</translation>
    </message>
    <message>
        <source>New plan</source>
        <translation>Neuer Plan</translation>
    </message>
    <message>
        <source>no rate limit</source>
        <translation>kein Ratenlimit</translation>
    </message>
    <message>
        <source>Rate period:</source>
        <translation>Ratenzeitraum:</translation>
    </message>
    <message>
        <source>Requests per period:</source>
        <translation>Anfragen pro Zeitraum:</translation>
    </message>
    <message>
        <source>no quota</source>
        <translation>kein Kontingent</translation>
    </message>
    <message>
        <source>Quota:</source>
        <translation>Kontingent:</translation>
    </message>
    <message>
        <source>Quota period:</source>
        <translation>Kontingentzeitraum:</translation>
    </message>
    <message>
        <source>New portal</source>
        <translation>Neues Portal</translation>
    </message>
    <message>
        <source>API Portal</source>
        <translation>API-Portal</translation>
    </message>
    <message>
        <source>Public URL:</source>
        <translation>Öffentliche URL:</translation>
    </message>
    <message>
        <source>OIDC issuer URL:</source>
        <translation>OIDC-Issuer-URL:</translation>
    </message>
    <message>
        <source>OIDC client id:</source>
        <translation>OIDC-Client-ID:</translation>
    </message>
    <message>
        <source>Select a resource in the workspace tree.</source>
        <translation>Wählen Sie eine Ressource im Baum.</translation>
    </message>
    <message>
        <source>Metadata</source>
        <translation>Metadaten</translation>
    </message>
    <message>
        <source>Airgate has no schema for %1 (%2): edit it in the YAML view.</source>
        <translation>Airgate hat kein Schema für %1 (%2): in der YAML-Ansicht bearbeiten.</translation>
    </message>
    <message>
        <source>Spec</source>
        <translation>Spec</translation>
    </message>
    <message>
        <source>Content</source>
        <translation>Inhalt</translation>
    </message>
    <message>
        <source>Name *</source>
        <translation>Name *</translation>
    </message>
    <message>
        <source>Namespace *</source>
        <translation>Namespace *</translation>
    </message>
    <message>
        <source>(plain route)</source>
        <translation>(einfache Route)</translation>
    </message>
    <message>
        <source>API %1</source>
        <translation>API %1</translation>
    </message>
    <message>
        <source>API version %1</source>
        <translation>API-Version %1</translation>
    </message>
    <message>
        <source>Portal %1</source>
        <translation>Portal %1</translation>
    </message>
    <message>
        <source>Exposes</source>
        <translation>Stellt bereit</translation>
    </message>
    <message>
        <source>Labels</source>
        <translation>Labels</translation>
    </message>
    <message>
        <source>Annotations</source>
        <translation>Annotationen</translation>
    </message>
    <message>
        <source>Add %1</source>
        <translation>%1 hinzufügen</translation>
    </message>
    <message>
        <source>Free-form: edit it in the YAML view.</source>
        <translation>Freiform: in der YAML-Ansicht bearbeiten.</translation>
    </message>
    <message>
        <source>Create %1…</source>
        <translation>%1 anlegen…</translation>
    </message>
    <message>
        <source>e.g. 30s, 5m, 1h30m, 1d</source>
        <translation>z. B. 30s, 5m, 1h30m, 1d</translation>
    </message>
    <message>
        <source>not a duration: use 30s, 5m, 1h30m or 1d</source>
        <translation>keine Dauer: 30s, 5m, 1h30m oder 1d verwenden</translation>
    </message>
    <message>
        <source>Move up</source>
        <translation>Nach oben</translation>
    </message>
    <message>
        <source>Move down</source>
        <translation>Nach unten</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <source>Edit this item in the YAML view.</source>
        <translation>Dieses Element in der YAML-Ansicht bearbeiten.</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Hinzufügen</translation>
    </message>
    <message>
        <source>Add entry</source>
        <translation>Eintrag hinzufügen</translation>
    </message>
    <message>
        <source>Not applied: %1</source>
        <translation>Nicht übernommen: %1</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>Warnung</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>Schwere</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>Problem</translation>
    </message>
    <message>
        <source>Resource</source>
        <translation>Ressource</translation>
    </message>
    <message>
        <source>Location</source>
        <translation>Ort</translation>
    </message>
    <message>
        <source>Rule</source>
        <translation>Regel</translation>
    </message>
    <message>
        <source>(no namespace)</source>
        <translation>(kein Namespace)</translation>
    </message>
    <message>
        <source>(unnamed)</source>
        <translation>(unbenannt)</translation>
    </message>
    <message numerus="yes">
        <source>%n error(s)</source>
        <translation><numerusform>%n Fehler</numerusform><numerusform>%n Fehler</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n warning(s)</source>
        <translation><numerusform>%n Warnung</numerusform><numerusform>%n Warnungen</numerusform></translation>
    </message>
    <message>
        <source> (unsaved)</source>
        <translation> (ungespeichert)</translation>
    </message>
    <message>
        <source>Edit %1</source>
        <translation>%1 bearbeiten</translation>
    </message>
    <message>
        <source>Remove %1</source>
        <translation>%1 entfernen</translation>
    </message>
    <message>
        <source>Add to %1</source>
        <translation>Zu %1 hinzufügen</translation>
    </message>
    <message>
        <source>Remove %1[%2]</source>
        <translation>%1[%2] entfernen</translation>
    </message>
    <message>
        <source>Move %1[%2]</source>
        <translation>%1[%2] verschieben</translation>
    </message>
    <message>
        <source>Edit %1[%2]</source>
        <translation>%1[%2] bearbeiten</translation>
    </message>
    <message>
        <source>Rename %1[%2]</source>
        <translation>%1[%2] umbenennen</translation>
    </message>
    <message>
        <source>line %1, column %2: %3</source>
        <translation>Zeile %1, Spalte %2: %3</translation>
    </message>
    <message>
        <source>a resource must be a YAML mapping with apiVersion and kind</source>
        <translation>eine Ressource muss ein YAML-Mapping mit apiVersion und kind sein</translation>
    </message>
    <message>
        <source>the resource no longer exists</source>
        <translation>die Ressource existiert nicht mehr</translation>
    </message>
    <message>
        <source>Edit YAML of %1</source>
        <translation>YAML von %1 bearbeiten</translation>
    </message>
    <message>
        <source>Delete %1</source>
        <translation>%1 löschen</translation>
    </message>
    <message>
        <source>Rename %1 to %2</source>
        <translation>%1 in %2 umbenennen</translation>
    </message>
    <message>
        <source>Revert %1</source>
        <translation>%1 zurücksetzen</translation>
    </message>
    <message>
        <source>Restore unsaved edits</source>
        <translation>Ungespeicherte Änderungen wiederherstellen</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>Methode</translation>
    </message>
    <message>
        <source>Host</source>
        <translation>Host</translation>
    </message>
    <message>
        <source>Path</source>
        <translation>Pfad</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>ms</source>
        <translation>ms</translation>
    </message>
    <message>
        <source>API</source>
        <translation>API</translation>
    </message>
    <message>
        <source>Application</source>
        <translation>Anwendung</translation>
    </message>
    <message>
        <source>Plan</source>
        <translation>Plan</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Grund</translation>
    </message>
    <message>
        <source>Requests</source>
        <translation>Anfragen</translation>
    </message>
    <message>
        <source>%1/s</source>
        <translation>%1/s</translation>
    </message>
    <message>
        <source>Mean latency</source>
        <translation>Mittlere Latenz</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>Errors (4xx+5xx)</source>
        <translation>Fehler (4xx+5xx)</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Starten</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Stoppen</translation>
    </message>
    <message>
        <source>Restart</source>
        <translation>Neu starten</translation>
    </message>
    <message>
        <source>Open portal</source>
        <translation>Portal öffnen</translation>
    </message>
    <message>
        <source>All statuses</source>
        <translation>Alle Status</translation>
    </message>
    <message>
        <source>API:</source>
        <translation>API:</translation>
    </message>
    <message>
        <source>Application:</source>
        <translation>Anwendung:</translation>
    </message>
    <message>
        <source>Status:</source>
        <translation>Status:</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>Leeren</translation>
    </message>
    <message>
        <source>&amp;Traffic</source>
        <translation>&amp;Verkehr</translation>
    </message>
    <message>
        <source>Listeners</source>
        <translation>Listener</translation>
    </message>
    <message>
        <source>Gateway log</source>
        <translation>Gateway-Protokoll</translation>
    </message>
    <message>
        <source>Ignored resource</source>
        <translation>Ignorierte Ressource</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <source>&amp;Status</source>
        <translation>&amp;Status</translation>
    </message>
    <message>
        <source>Host header, e.g. api.example.com</source>
        <translation>Host-Header, z. B. api.example.com</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>Senden</translation>
    </message>
    <message>
        <source>Entry point:</source>
        <translation>Entry Point:</translation>
    </message>
    <message>
        <source>Request:</source>
        <translation>Anfrage:</translation>
    </message>
    <message>
        <source>Stopped</source>
        <translation>Gestoppt</translation>
    </message>
    <message>
        <source>Starting…</source>
        <translation>Startet…</translation>
    </message>
    <message>
        <source>Stopping…</source>
        <translation>Stoppt…</translation>
    </message>
    <message>
        <source>Failed — see the gateway log</source>
        <translation>Fehlgeschlagen — siehe Gateway-Protokoll</translation>
    </message>
    <message>
        <source>Running · generation %1 · %2</source>
        <translation>Läuft · Generation %1 · %2</translation>
    </message>
    <message numerus="yes">
        <source>&amp;Status (%n ignored)</source>
        <translation><numerusform>&amp;Status (%n ignoriert)</numerusform><numerusform>&amp;Status (%n ignoriert)</numerusform></translation>
    </message>
    <message>
        <source>All APIs</source>
        <translation>Alle APIs</translation>
    </message>
    <message>
        <source>All applications</source>
        <translation>Alle Anwendungen</translation>
    </message>
    <message>
        <source>(no key)</source>
        <translation>(kein Schlüssel)</translation>
    </message>
    <message>
        <source>Start the gateway first.</source>
        <translation>Starten Sie zuerst das Gateway.</translation>
    </message>
    <message>
        <source>No response: %1</source>
        <translation>Keine Antwort: %1</translation>
    </message>
    <message>
        <source>Cannot start the gateway: airgatectl was not found beside the console or on PATH.</source>
        <translation>Gateway kann nicht gestartet werden: airgatectl wurde weder neben der Konsole noch im PATH gefunden.</translation>
    </message>
    <message>
        <source>Cannot start the gateway: %1</source>
        <translation>Gateway kann nicht gestartet werden: %1</translation>
    </message>
    <message>
        <source>crashed</source>
        <translation>ist abgestürzt</translation>
    </message>
    <message>
        <source>exited with code %1</source>
        <translation>wurde mit Code %1 beendet</translation>
    </message>
    <message>
        <source>The gateway %1 and was restarted %2 times within a minute; it stays stopped. See its log lines for the cause.</source>
        <translation>Das Gateway %1 und wurde innerhalb einer Minute %2-mal neu gestartet; es bleibt gestoppt. Die Ursache steht in seinem Protokoll.</translation>
    </message>
    <message>
        <source>The gateway %1; restarting it.</source>
        <translation>Das Gateway %1; es wird neu gestartet.</translation>
    </message>
    <message>
        <source>The gateway kept its last good configuration: %1</source>
        <translation>Das Gateway behält seine letzte gültige Konfiguration: %1</translation>
    </message>
    <message>
        <source>New API key for %1</source>
        <translation>Neuer API-Schlüssel für %1</translation>
    </message>
    <message>
        <source>%1 (rotated %2)</source>
        <translation>%1 (rotiert %2)</translation>
    </message>
    <message>
        <source>Revoke API key %1</source>
        <translation>API-Schlüssel %1 widerrufen</translation>
    </message>
    <message>
        <source>No stored key for this entry.</source>
        <translation>Kein gespeicherter Schlüssel für diesen Eintrag.</translation>
    </message>
    <message>
        <source>No keychain is available in this session.</source>
        <translation>In dieser Sitzung ist kein Schlüsselbund verfügbar.</translation>
    </message>
    <message>
        <source>The keychain holds no key for this entry.</source>
        <translation>Der Schlüsselbund enthält keinen Schlüssel für diesen Eintrag.</translation>
    </message>
    <message>
        <source>macOS Keychain</source>
        <translation>macOS-Schlüsselbund</translation>
    </message>
    <message>
        <source>Windows Credential Store</source>
        <translation>Windows-Anmeldeinformationsverwaltung</translation>
    </message>
    <message>
        <source>Secret Service (GNOME Keyring, KWallet)</source>
        <translation>Secret Service (GNOME-Schlüsselbund, KWallet)</translation>
    </message>
    <message>
        <source>The keychain did not answer in time.</source>
        <translation>Der Schlüsselbund hat nicht rechtzeitig geantwortet.</translation>
    </message>
    <message>
        <source>Fix %1</source>
        <translation>%1 korrigieren</translation>
    </message>
    <message>
        <source>Entry points</source>
        <translation>Einstiegspunkte</translation>
    </message>
    <message>
        <source>Where the gateway listens for each entry point the IngressRoutes name.</source>
        <translation>Wo das Gateway für jeden Einstiegspunkt lauscht, den die IngressRoutes nennen.</translation>
    </message>
    <message>
        <source>Services</source>
        <translation>Dienste</translation>
    </message>
    <message>
        <source>Where a Kubernetes Service the routes send to lives on this workstation: a URL, or an OpenAPI document whose examples are served.</source>
        <translation>Wo ein Kubernetes-Service, an den die Routen senden, auf diesem Arbeitsplatz liegt: eine URL oder ein OpenAPI-Dokument, dessen Beispiele ausgeliefert werden.</translation>
    </message>
    <message>
        <source>OpenAPI documents</source>
        <translation>OpenAPI-Dokumente</translation>
    </message>
    <message>
        <source>The OpenAPI document of an API, for the portal and request validation (paths inside the workspace).</source>
        <translation>Das OpenAPI-Dokument einer API, für das Portal und die Prüfung von Anfragen (Pfade innerhalb des Arbeitsbereichs).</translation>
    </message>
    <message>
        <source>Portal previews</source>
        <translation>Portal-Vorschauen</translation>
    </message>
    <message>
        <source>Where each portal&apos;s preview listens.</source>
        <translation>Wo die Vorschau jedes Portals lauscht.</translation>
    </message>
    <message>
        <source>Local JWKS copies</source>
        <translation>Lokale JWKS-Kopien</translation>
    </message>
    <message>
        <source>A local copy of an identity provider&apos;s keys, used instead of fetching them.</source>
        <translation>Eine lokale Kopie der Schlüssel eines Identitätsanbieters, die statt eines Abrufs verwendet wird.</translation>
    </message>
    <message>
        <source>Limits</source>
        <translation>Grenzwerte</translation>
    </message>
    <message>
        <source>maxHeaderBytes, maxBodyBytes, maxConnections, headerTimeout, idleTimeout, bodyTimeout.</source>
        <translation>maxHeaderBytes, maxBodyBytes, maxConnections, headerTimeout, idleTimeout, bodyTimeout.</translation>
    </message>
    <message>
        <source>local settings of this workstation: never exported</source>
        <translation>lokale Einstellungen dieses Arbeitsplatzes: werden nie exportiert</translation>
    </message>
    <message>
        <source>airgate.yaml does not read as settings: fix it in the YAML view (Alt+2), then edit it here.</source>
        <translation>airgate.yaml lässt sich nicht als Einstellungen lesen: korrigieren Sie die Datei in der YAML-Ansicht (Alt+2) und bearbeiten Sie sie dann hier.</translation>
    </message>
    <message>
        <source>%1 (deprecated)</source>
        <translation>%1 (veraltet)</translation>
    </message>
    <message>
        <source>No keychain is available: %1.</source>
        <translation>Kein Schlüsselbund verfügbar: %1.</translation>
    </message>
    <message>
        <source>this session has no D-Bus session bus, so no keychain can be reached</source>
        <translation>diese Sitzung hat keinen D-Bus-Sitzungsbus, daher ist kein Schlüsselbund erreichbar</translation>
    </message>
    <message>
        <source>the session&apos;s D-Bus address (%1) leads to no running bus, so no keychain can be reached</source>
        <translation>die D-Bus-Adresse der Sitzung (%1) führt zu keinem laufenden Bus, daher ist kein Schlüsselbund erreichbar</translation>
    </message>
    <message>
        <source>The keychain was not unlocked (its password prompt was cancelled).</source>
        <translation>Der Schlüsselbund wurde nicht entsperrt (die Passwortabfrage wurde abgebrochen).</translation>
    </message>
    <message>
        <source>The keychain refused access: it may be locked.</source>
        <translation>Der Schlüsselbund hat den Zugriff verweigert: Er ist möglicherweise gesperrt.</translation>
    </message>
    <message>
        <source>No keychain is available: no Secret Service (GNOME Keyring, KWallet) runs in this session.</source>
        <translation>Kein Schlüsselbund verfügbar: In dieser Sitzung läuft kein Secret Service (GNOME Keyring, KWallet).</translation>
    </message>
    <message>
        <source>No keychain is available: no Secret Service (GNOME Keyring, KWallet) answers on this session&apos;s D-Bus.</source>
        <translation>Kein Schlüsselbund verfügbar: Kein Secret Service (GNOME Keyring, KWallet) antwortet auf dem D-Bus dieser Sitzung.</translation>
    </message>
    <message>
        <source>The keychain could not be used.</source>
        <translation>Der Schlüsselbund konnte nicht verwendet werden.</translation>
    </message>
    <message>
        <source>Git: new, not committed yet</source>
        <translation>Git: neu, noch nicht committet</translation>
    </message>
    <message>
        <source>Git: modified since the last commit</source>
        <translation>Git: seit dem letzten Commit geändert</translation>
    </message>
    <message>
        <source>The gateway of another Airgate window (pid %1) serves %2; it was left running.</source>
        <translation>Das Gateway eines anderen Airgate-Fensters (PID %1) bedient %2; es läuft weiter.</translation>
    </message>
    <message>
        <source>A gateway left running by an earlier Airgate session (pid %1, serving %2) was found and stopped.</source>
        <translation>Ein von einer früheren Airgate-Sitzung zurückgelassenes Gateway (PID %1, bedient %2) wurde gefunden und beendet.</translation>
    </message>
    <message>
        <source>Quick fix…</source>
        <translation>Schnellkorrektur…</translation>
    </message>
    <message>
        <source>Migrate: %1</source>
        <translation>Migrieren: %1</translation>
    </message>
    <message>
        <source>No quick fix for this problem</source>
        <translation>Keine Schnellkorrektur für dieses Problem</translation>
    </message>
    <message>
        <source>Reload</source>
        <translation>Neu laden</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>Ausblenden</translation>
    </message>
    <message>
        <source>paste the key: sent once, never stored</source>
        <translation>Schlüssel einfügen: einmal gesendet, nie gespeichert</translation>
    </message>
    <message>
        <source>One header a line, e.g. Accept: application/json</source>
        <translation>Ein Header pro Zeile, z. B. Accept: application/json</translation>
    </message>
    <message>
        <source>Request body (POST, PUT, PATCH)</source>
        <translation>Anfragekörper (POST, PUT, PATCH)</translation>
    </message>
    <message>
        <source>Headers:</source>
        <translation>Header:</translation>
    </message>
    <message>
        <source>Body:</source>
        <translation>Körper:</translation>
    </message>
    <message>
        <source>Key:</source>
        <translation>Schlüssel:</translation>
    </message>
    <message>
        <source>Running the last good configuration · generation %1 · %2</source>
        <translation>Läuft mit der letzten guten Konfiguration · Generation %1 · %2</translation>
    </message>
    <message>
        <source>No portal preview is running: start the gateway, and give a portal a portalPreview address in airgate.yaml.</source>
        <translation>Keine Portal-Vorschau läuft: Starten Sie das Gateway und geben Sie einem Portal in airgate.yaml eine portalPreview-Adresse.</translation>
    </message>
    <message>
        <source>No browser could be started. Open %1 in a browser.</source>
        <translation>Es konnte kein Browser gestartet werden. Öffnen Sie %1 in einem Browser.</translation>
    </message>
    <message>
        <source>The gateway serves its last good configuration, not the workspace: %1</source>
        <translation>Das Gateway liefert seine letzte gute Konfiguration aus, nicht den Arbeitsbereich: %1</translation>
    </message>
    <message>
        <source>the workspace could not be served</source>
        <translation>der Arbeitsbereich konnte nicht ausgeliefert werden</translation>
    </message>
    <message>
        <source>Paste a key…</source>
        <translation>Schlüssel einfügen…</translation>
    </message>
    <message>
        <source>Paste a key to send, or choose “(no key)”.</source>
        <translation>Fügen Sie einen zu sendenden Schlüssel ein oder wählen Sie „(kein Schlüssel)“.</translation>
    </message>
    <message>
        <source>The key could not be read: %1 Choose “Paste a key…” to send a key once.</source>
        <translation>Der Schlüssel konnte nicht gelesen werden: %1 Wählen Sie „Schlüssel einfügen…“, um einen Schlüssel einmal zu senden.</translation>
    </message>
    <message>
        <source>“%1” is not a header: write Name: value, one a line.</source>
        <translation>„%1“ ist kein Header: Schreiben Sie Name: Wert, einen pro Zeile.</translation>
    </message>
    <message>
        <source>application</source>
        <translation>Anwendung</translation>
    </message>
    <message>
        <source>plan</source>
        <translation>Plan</translation>
    </message>
    <message>
        <source>route</source>
        <translation>Route</translation>
    </message>
    <message>
        <source>Gateway: %1</source>
        <translation>Gateway: %1</translation>
    </message>
    <message>
        <source>no reason logged</source>
        <translation>kein Grund protokolliert</translation>
    </message>
    <message>
        <source>(empty body)</source>
        <translation>(leerer Körper)</translation>
    </message>
    <message>
        <source>%1: “%2” is checked once %3 is set</source>
        <translation>%1: „%2“ wird geprüft, sobald %3 gesetzt ist</translation>
    </message>
    <message>
        <source>%1: “%2” could not be checked on this value</source>
        <translation>%1: „%2“ konnte für diesen Wert nicht geprüft werden</translation>
    </message>
    <message>
        <source>Local settings</source>
        <translation>Lokale Einstellungen</translation>
    </message>
    <message>
        <source>This workstation&apos;s settings: never exported</source>
        <translation>Die Einstellungen dieses Arbeitsplatzes: werden nie exportiert</translation>
    </message>
    <message>
        <source>settings</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <source>Entry points, local services, OpenAPI documents, portal previews</source>
        <translation>Einstiegspunkte, lokale Dienste, OpenAPI-Dokumente, Portal-Vorschauen</translation>
    </message>
    <message>
        <source>Documents</source>
        <translation>Dokumente</translation>
    </message>
    <message>
        <source>API descriptions: not manifests, never exported</source>
        <translation>API-Beschreibungen: keine Manifeste, werden nie exportiert</translation>
    </message>
    <message>
        <source>document</source>
        <translation>Dokument</translation>
    </message>
    <message>
        <source>added</source>
        <translation>hinzugefügt</translation>
    </message>
    <message>
        <source>removed</source>
        <translation>entfernt</translation>
    </message>
    <message>
        <source>changed</source>
        <translation>geändert</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;Aktualisieren</translation>
    </message>
    <message>
        <source>Review changes</source>
        <translation>Änderungen prüfen</translation>
    </message>
    <message>
        <source>Files on disk (last saved)</source>
        <translation>Dateien auf der Festplatte (zuletzt gespeichert)</translation>
    </message>
    <message>
        <source>Git: HEAD (last commit)</source>
        <translation>Git: HEAD (letzter Commit)</translation>
    </message>
    <message>
        <source>What the running gateway serves</source>
        <translation>Was das laufende Gateway ausliefert</translation>
    </message>
    <message>
        <source>no workspace is open</source>
        <translation>kein Arbeitsbereich ist geöffnet</translation>
    </message>
    <message>
        <source>Not in a Git repository: %1</source>
        <translation>Nicht in einem Git-Repository: %1</translation>
    </message>
    <message>
        <source>The gateway is not running</source>
        <translation>Das Gateway läuft nicht</translation>
    </message>
    <message>
        <source>Resource / field</source>
        <translation>Ressource / Feld</translation>
    </message>
    <message>
        <source>Before → workspace</source>
        <translation>Vorher → Arbeitsbereich</translation>
    </message>
    <message>
        <source>Compare the workspace (unsaved edits included) with:</source>
        <translation>Den Arbeitsbereich (einschließlich ungespeicherter Änderungen) vergleichen mit:</translation>
    </message>
    <message>
        <source>The export folder %1</source>
        <translation>Der Exportordner %1</translation>
    </message>
    <message>
        <source>%1 does not exist yet</source>
        <translation>%1 existiert noch nicht</translation>
    </message>
    <message>
        <source>No workspace is open.</source>
        <translation>Kein Arbeitsbereich ist geöffnet.</translation>
    </message>
    <message>
        <source>%1 is not available.</source>
        <translation>%1 ist nicht verfügbar.</translation>
    </message>
    <message>
        <source>disk</source>
        <translation>Festplatte</translation>
    </message>
    <message>
        <source>The gateway&apos;s admin token cannot be read: %1</source>
        <translation>Das Admin-Token des Gateways kann nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>Asking the gateway…</source>
        <translation>Gateway wird abgefragt…</translation>
    </message>
    <message>
        <source>The gateway&apos;s admin API: %1</source>
        <translation>Die Admin-API des Gateways: %1</translation>
    </message>
    <message>
        <source>The gateway&apos;s admin API answered %1</source>
        <translation>Die Admin-API des Gateways antwortete %1</translation>
    </message>
    <message>
        <source>The gateway serves %1.</source>
        <translation>Das Gateway liefert %1 aus.</translation>
    </message>
    <message>
        <source>The workspace does not parse: %1</source>
        <translation>Der Arbeitsbereich lässt sich nicht lesen: %1</translation>
    </message>
    <message>
        <source>No differences with %1 (%2 unchanged).</source>
        <translation>Keine Unterschiede zu %1 (%2 unverändert).</translation>
    </message>
    <message>
        <source>Compared with %1: %2 changed, %3 added, %4 removed, %5 unchanged.</source>
        <translation>Verglichen mit %1: %2 geändert, %3 hinzugefügt, %4 entfernt, %5 unverändert.</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(keine)</translation>
    </message>
    <message>
        <source>%1 is not an OpenAPI document: %2</source>
        <translation>%1 ist kein OpenAPI-Dokument: %2</translation>
    </message>
    <message>
        <source>Serve the document locally: copy it to specs/%3 in the workspace and add “%1/%2: specs/%3” under specs: in airgate.yaml.</source>
        <translation>Das Dokument lokal ausliefern: Kopieren Sie es nach specs/%3 im Arbeitsbereich und fügen Sie „%1/%2: specs/%3“ unter specs: in airgate.yaml hinzu.</translation>
    </message>
    <message>
        <source>%1 “%2” is not a duration: write it like 1s, 30m, 1h or 720h.</source>
        <translation>%1 „%2“ ist keine Dauer: Schreiben Sie sie wie 1s, 30m, 1h oder 720h.</translation>
    </message>
    <message>
        <source>%1 must be between 1s and %2h (it is %3).</source>
        <translation>%1 muss zwischen 1s und %2h liegen (angegeben: %3).</translation>
    </message>
    <message>
        <source>The rate period</source>
        <translation>Der Ratenzeitraum</translation>
    </message>
    <message>
        <source>The quota period</source>
        <translation>Der Kontingentzeitraum</translation>
    </message>
    <message>
        <source>Choose the plan the subscription grants (create one with Resource ▸ New plan).</source>
        <translation>Wählen Sie den Plan, den das Abonnement gewährt (einen neuen legen Sie mit Ressource ▸ Neuer Plan an).</translation>
    </message>
    <message>
        <source>Choose at least one application to subscribe.</source>
        <translation>Wählen Sie mindestens eine Anwendung für das Abonnement.</translation>
    </message>
    <message>
        <source>Choose at least one API the applications get.</source>
        <translation>Wählen Sie mindestens eine API, die die Anwendungen erhalten.</translation>
    </message>
    <message>
        <source>New subscription</source>
        <translation>Neues Abonnement</translation>
    </message>
    <message>
        <source>Applications:</source>
        <translation>Anwendungen:</translation>
    </message>
    <message>
        <source>APIs:</source>
        <translation>APIs:</translation>
    </message>
    <message>
        <source>Plan:</source>
        <translation>Plan:</translation>
    </message>
    <message>
        <source>With --screenshot: start the gateway (as F5 does) and wait until it runs.</source>
        <translation>Mit --screenshot: das Gateway starten (wie F5) und warten, bis es läuft.</translation>
    </message>
    <message>
        <source>With --screenshot: milliseconds to wait before the picture is taken.</source>
        <translation>Mit --screenshot: Millisekunden, die vor der Aufnahme gewartet wird.</translation>
    </message>
    <message>
        <source>Review c&amp;hanges…</source>
        <translation>Ä&amp;nderungen prüfen…</translation>
    </message>
    <message>
        <source>New &amp;subscription…</source>
        <translation>Neues &amp;Abonnement…</translation>
    </message>
    <message>
        <source>&amp;Manual</source>
        <translation>&amp;Handbuch</translation>
    </message>
    <message>
        <source>Manual</source>
        <translation>Handbuch</translation>
    </message>
    <message>
        <source>The offline manual is not installed here. It is looked for in:
%1</source>
        <translation>Das Offline-Handbuch ist hier nicht installiert. Es wird gesucht in:
%1</translation>
    </message>
    <message>
        <source>No program opened the manual. Open this file in a browser:
%1</source>
        <translation>Kein Programm hat das Handbuch geöffnet. Öffnen Sie diese Datei in einem Browser:
%1</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation>&amp;Tastenkürzel</translation>
    </message>
    <message numerus="yes">
        <source>Airgate was closed on %1 with unsaved edits to %n file(s) of this workspace:
%2
Restore them? (Edit ▸ Undo takes them back.)</source>
        <translation><numerusform>Airgate wurde am %1 mit ungespeicherten Änderungen an %n Datei dieses Arbeitsbereichs geschlossen:
%2
Wiederherstellen? (Bearbeiten ▸ Rückgängig nimmt sie zurück.)</numerusform><numerusform>Airgate wurde am %1 mit ungespeicherten Änderungen an %n Dateien dieses Arbeitsbereichs geschlossen:
%2
Wiederherstellen? (Bearbeiten ▸ Rückgängig nimmt sie zurück.)</numerusform></translation>
    </message>
    <message>
        <source>Restored unsaved edits to %1 — Edit ▸ Undo takes them back.</source>
        <translation>Ungespeicherte Änderungen an %1 wiederhergestellt — Bearbeiten ▸ Rückgängig nimmt sie zurück.</translation>
    </message>
    <message>
        <source>The YAML view holds text that does not parse, so it is not part of the resource yet: %1
Save the other edits anyway? (The YAML view keeps its text.)</source>
        <translation>Die YAML-Ansicht enthält Text, der sich nicht lesen lässt, und gehört daher noch nicht zur Ressource: %1
Die anderen Änderungen trotzdem speichern? (Die YAML-Ansicht behält ihren Text.)</translation>
    </message>
    <message>
        <source>These files were changed on disk since they were loaded here; saving replaces those changes with yours:
%1</source>
        <translation>Diese Dateien wurden auf der Festplatte geändert, seit sie hier geladen wurden; Speichern ersetzt diese Änderungen durch Ihre:
%1</translation>
    </message>
    <message>
        <source>&amp;Overwrite</source>
        <translation>Ü&amp;berschreiben</translation>
    </message>
    <message numerus="yes">
        <source>%n resource(s)</source>
        <translation><numerusform>%n Ressource</numerusform><numerusform>%n Ressourcen</numerusform></translation>
    </message>
    <message>
        <source>validated in %1 ms</source>
        <translation>geprüft in %1 ms</translation>
    </message>
    <message>
        <source>Choose a folder to export to.</source>
        <translation>Wählen Sie einen Ordner für den Export.</translation>
    </message>
    <message>
        <source>&amp;Export</source>
        <translation>&amp;Exportieren</translation>
    </message>
    <message>
        <source>&amp;Review changes…</source>
        <translation>Änderungen &amp;prüfen…</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Tastenkürzel</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Aktion</translation>
    </message>
    <message>
        <source>Shortcut</source>
        <translation>Tastenkürzel</translation>
    </message>
    <message>
        <source>Form ▸ Next / previous field</source>
        <translation>Formular ▸ Nächstes / vorheriges Feld</translation>
    </message>
    <message>
        <source>Problems ▸ Go to the field and line</source>
        <translation>Probleme ▸ Zum Feld und zur Zeile</translation>
    </message>
    <message>
        <source>Tree ▸ Delete the resource</source>
        <translation>Baum ▸ Ressource löschen</translation>
    </message>
    <message>
        <source>Try re&amp;quest</source>
        <translation>&amp;Testanfrage</translation>
    </message>
    <message>
        <source>F&amp;orm</source>
        <translation>&amp;Formular</translation>
    </message>
</context>
<context>
    <name>Portal</name>
    <message>
        <source>Operations</source>
        <translation>Operationen</translation>
    </message>
    <message>
        <source>Parameters</source>
        <translation>Parameter</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>In</source>
        <translation>In</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Typ</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Beschreibung</translation>
    </message>
    <message>
        <source>Request body</source>
        <translation>Anfragekörper</translation>
    </message>
    <message>
        <source>Body</source>
        <translation>Körper</translation>
    </message>
    <message>
        <source>Responses</source>
        <translation>Antworten</translation>
    </message>
    <message>
        <source>Try it</source>
        <translation>Ausprobieren</translation>
    </message>
    <message>
        <source>Credential</source>
        <translation>Zugangsdaten</translation>
    </message>
    <message>
        <source>API key or token</source>
        <translation>API-Schlüssel oder Token</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>Senden</translation>
    </message>
    <message>
        <source>No operation of this API is visible to you.</source>
        <translation>Keine Operation dieser API ist für Sie sichtbar.</translation>
    </message>
    <message>
        <source>Back to the portal</source>
        <translation>Zurück zum Portal</translation>
    </message>
    <message>
        <source>APIs</source>
        <translation>APIs</translation>
    </message>
    <message>
        <source>Plans</source>
        <translation>Pläne</translation>
    </message>
    <message>
        <source>My applications</source>
        <translation>Meine Anwendungen</translation>
    </message>
    <message>
        <source>Sign out</source>
        <translation>Abmelden</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>Anmelden</translation>
    </message>
    <message>
        <source>Skip to content</source>
        <translation>Zum Inhalt springen</translation>
    </message>
    <message>
        <source>Main</source>
        <translation>Hauptmenü</translation>
    </message>
    <message>
        <source>Read-only portal preview served by Airgate.</source>
        <translation>Schreibgeschützte Portalvorschau, bereitgestellt von Airgate.</translation>
    </message>
    <message>
        <source>Sign in first</source>
        <translation>Bitte zuerst anmelden</translation>
    </message>
    <message>
        <source>Your session has ended.</source>
        <translation>Ihre Sitzung ist abgelaufen.</translation>
    </message>
    <message>
        <source>Not found</source>
        <translation>Nicht gefunden</translation>
    </message>
    <message>
        <source>There is no such page in this portal.</source>
        <translation>Diese Seite gibt es in diesem Portal nicht.</translation>
    </message>
    <message>
        <source>Browse the APIs</source>
        <translation>APIs durchsuchen</translation>
    </message>
    <message>
        <source>Sign in to see the APIs</source>
        <translation>Anmelden, um die APIs zu sehen</translation>
    </message>
    <message>
        <source>No API is published to you in this portal.</source>
        <translation>In diesem Portal ist keine API für Sie veröffentlicht.</translation>
    </message>
    <message>
        <source>Plans:</source>
        <translation>Pläne:</translation>
    </message>
    <message>
        <source>Versions:</source>
        <translation>Versionen:</translation>
    </message>
    <message>
        <source>This API is not published to you.</source>
        <translation>Diese API ist für Sie nicht veröffentlicht.</translation>
    </message>
    <message>
        <source>The OpenAPI document could not be loaded.</source>
        <translation>Das OpenAPI-Dokument konnte nicht geladen werden.</translation>
    </message>
    <message>
        <source>Versions</source>
        <translation>Versionen</translation>
    </message>
    <message>
        <source>Current</source>
        <translation>Aktuell</translation>
    </message>
    <message>
        <source>Servers:</source>
        <translation>Server:</translation>
    </message>
    <message>
        <source>Download the OpenAPI document</source>
        <translation>OpenAPI-Dokument herunterladen</translation>
    </message>
    <message>
        <source>No plan is offered to you.</source>
        <translation>Ihnen wird kein Plan angeboten.</translation>
    </message>
    <message>
        <source>requests</source>
        <translation>Anfragen</translation>
    </message>
    <message>
        <source>Rate limit</source>
        <translation>Ratenlimit</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keins</translation>
    </message>
    <message>
        <source>Quota</source>
        <translation>Kontingent</translation>
    </message>
    <message>
        <source>In offline mode, applications, subscriptions and API keys are managed by the operator. Ask them for a new key or a different plan.</source>
        <translation>Im Offline-Modus verwaltet der Betreiber Anwendungen, Abonnements und API-Schlüssel. Wenden Sie sich für einen neuen Schlüssel oder einen anderen Plan an ihn.</translation>
    </message>
    <message>
        <source>Application ID:</source>
        <translation>Anwendungs-ID:</translation>
    </message>
    <message>
        <source>API keys</source>
        <translation>API-Schlüssel</translation>
    </message>
    <message>
        <source>(untitled)</source>
        <translation>(ohne Titel)</translation>
    </message>
    <message>
        <source>suspended</source>
        <translation>gesperrt</translation>
    </message>
    <message>
        <source>active</source>
        <translation>aktiv</translation>
    </message>
    <message>
        <source>No key yet.</source>
        <translation>Noch kein Schlüssel.</translation>
    </message>
    <message>
        <source>Subscriptions</source>
        <translation>Abonnements</translation>
    </message>
    <message>
        <source>plan</source>
        <translation>Plan</translation>
    </message>
    <message>
        <source>No subscription.</source>
        <translation>Kein Abonnement.</translation>
    </message>
    <message>
        <source>You own no application here.</source>
        <translation>Sie besitzen hier keine Anwendung.</translation>
    </message>
    <message>
        <source>Sign-in refused</source>
        <translation>Anmeldung abgelehnt</translation>
    </message>
    <message>
        <source>This address is not among the portal&apos;s trusted URLs.</source>
        <translation>Diese Adresse gehört nicht zu den vertrauenswürdigen URLs des Portals.</translation>
    </message>
    <message>
        <source>Sign-in unavailable</source>
        <translation>Anmeldung nicht verfügbar</translation>
    </message>
    <message>
        <source>The identity provider could not be reached:</source>
        <translation>Der Identitätsanbieter ist nicht erreichbar:</translation>
    </message>
    <message>
        <source>Sign-in failed</source>
        <translation>Anmeldung fehlgeschlagen</translation>
    </message>
    <message>
        <source>The sign-in request is unknown or has expired (invalid state). Please sign in again.</source>
        <translation>Die Anmeldeanfrage ist unbekannt oder abgelaufen (ungültiger state). Bitte melden Sie sich erneut an.</translation>
    </message>
    <message>
        <source>The identity provider refused the sign-in:</source>
        <translation>Der Identitätsanbieter hat die Anmeldung abgelehnt:</translation>
    </message>
    <message>
        <source>Signed out</source>
        <translation>Abgemeldet</translation>
    </message>
    <message>
        <source>You are signed out.</source>
        <translation>Sie sind abgemeldet.</translation>
    </message>
    <message>
        <source>Response</source>
        <translation>Antwort</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Zurück</translation>
    </message>
    <message>
        <source>all of</source>
        <translation>alle von</translation>
    </message>
    <message>
        <source>one of</source>
        <translation>genau eines von</translation>
    </message>
    <message>
        <source>any of</source>
        <translation>eines oder mehrere von</translation>
    </message>
    <message>
        <source>array of</source>
        <translation>Array von</translation>
    </message>
    <message>
        <source>one of:</source>
        <translation>genau eines von:</translation>
    </message>
    <message>
        <source>Schemas</source>
        <translation>Schemas</translation>
    </message>
    <message>
        <source>Operations by tag</source>
        <translation>Operationen nach Tag</translation>
    </message>
    <message>
        <source>This sign-in was started in another browser or its cookie has expired. Please sign in again.</source>
        <translation>Diese Anmeldung wurde in einem anderen Browser begonnen oder ihr Cookie ist abgelaufen. Bitte melden Sie sich erneut an.</translation>
    </message>
    <message>
        <source>Invalid form token: you are still signed in. Sign out with the button of the portal.</source>
        <translation>Ungültiges Formular-Token: Sie sind weiterhin angemeldet. Melden Sie sich mit der Schaltfläche des Portals ab.</translation>
    </message>
</context>
</TS>
