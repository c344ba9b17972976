<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>Console</name>
    <message>
        <source>New API key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;This is the only time the key is shown.&lt;/b&gt; The workspace holds only its SHAKE256 digest (Secret &lt;tt&gt;%1&lt;/tt&gt;).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stored in the keychain (%1), where the console&apos;s try-request box reads it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;No keychain is available&lt;/b&gt; (%1). The key is kept nowhere: copy it now and hand it to the application&apos;s owner.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;The keychain refused the key&lt;/b&gt; (%1). Copy it now.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copied</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>API keys of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Secret</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Digest</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Generate…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Rotate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Suspend / resume</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Title…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re&amp;voke</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rotating adds a new key beside the old one; revoke the old one once clients have switched. Plaintext keys live only in the keychain (%1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Title:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Key title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(inline digest)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>suspended</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>active</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SHAKE256 digest</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>missing or not a digest</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Revoke API key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Revoke “%1”? Clients using it get 401 once the change is deployed; the key is removed from the keychain.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not an OpenAPI document%2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Serve the document locally by adding “%1/%2: %3” under specs: in airgate.yaml.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The OIDC client secret is not written to the workspace: set it on the cluster, or locally in airgate.yaml.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Invalid name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” is not a DNS label: lower-case letters, digits and &apos;-&apos;, starting and ending with a letter or digit.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New API from an OpenAPI document</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>OpenAPI document:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Namespace:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Host:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>api.example.com</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Path prefix:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Service:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Service port:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Operation sets from the document&apos;s tags</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>OpenAPI document</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>OpenAPI (*.json *.yaml *.yml)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New API</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New managed application</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Owner:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the user&apos;s sub claim, or a group</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Generate a first API key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Key title:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>First key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New plan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no rate limit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rate period:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Requests per period:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no quota</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quota:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quota period:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New portal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>API Portal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Public URL:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>OIDC issuer URL:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>OIDC client id:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select a resource in the workspace tree.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Metadata</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Airgate has no schema for %1 (%2): edit it in the YAML view.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Spec</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Content</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name *</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Namespace *</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(plain route)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>API %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>API version %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Portal %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exposes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Labels</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Annotations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Free-form: edit it in the YAML view.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Create %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. 30s, 5m, 1h30m, 1d</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not a duration: use 30s, 5m, 1h30m or 1d</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move down</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit this item in the YAML view.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add entry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not applied: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Airgate console: author, validate and run Traefik Hub API resources offline.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Render the main window to a PNG and exit.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Window size for --screenshot.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resource to select, as Kind|namespace|name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Editor tab: form or yaml.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Go to problem N (0-based) as a double-click would.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bottom panel to show: problems or gateway.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Workspace folder to open.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Welcome to Airgate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open a folder of Traefik Hub manifests, or start with the bundled example.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open &amp;example</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Open workspace…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter resources (Ctrl+F)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only with problems</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Form</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;YAML</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Problems</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gateway</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open example</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The bundled example workspace was not found.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Recent workspaces</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Save file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save &amp;all</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re&amp;vert file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Revert all</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>E&amp;xport…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Se&amp;ttings…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Find resource</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show &amp;form</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show &amp;YAML</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show &amp;problems</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Resource</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New &amp;API from OpenAPI…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New managed a&amp;pplication…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New p&amp;lan…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New p&amp;ortal…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New &amp;resource</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re&amp;name…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Delete…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>API &amp;keys…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Gateway</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>S&amp;top</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Restart</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reload on &amp;save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open &amp;portal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;About Airgate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About Airgate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;h3&gt;Airgate %1&lt;/h3&gt;&lt;p&gt;Offline API-management workbench for Traefik Hub resources: author, validate, save, run and watch.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open workspace</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot open %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unsaved edits found</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Airgate was closed on %1 with unsaved edits in this workspace. Restore them?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not save: %1
Nothing was lost: the edits are still here and in the autosave journal.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not save %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No workspace open — File ▸ Open example</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 resources · %2 errors · %3 warnings · validated in %4 ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Problems (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gateway running</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gateway starting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gateway failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gateway stopped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reloaded from disk: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Files changed on disk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>These files changed on disk while they have unsaved edits here:
%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Reload from disk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Keep my edits</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New %1 %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wizard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Created</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>New name (%n reference(s) will be updated):</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Rename %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete %1?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>These resources refer to it and will have a dangling reference:
%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete resource</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select a managed application to manage its API keys.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>The workspace has %n error(s); fix them or export anyway.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Exported to %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export manifests</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>One bundle.yaml in apply order</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>One folder per namespace</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kustomize (one file per resource)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export even with errors</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Layout:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Folder:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Follow the system</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Light</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dark</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>System</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Theme:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Font size:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unsaved edits</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the edits to %1?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Warning</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Severity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Problem</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resource</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Location</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rule</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(no namespace)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(unnamed)</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n error(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n warning(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source> (unsaved)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove %1[%2]</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move %1[%2]</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit %1[%2]</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rename %1[%2]</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>line %1, column %2: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a resource must be a YAML mapping with apiVersion and kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the resource no longer exists</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit YAML of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rename %1 to %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Revert %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restore unsaved edits</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Method</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Host</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Path</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>API</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Application</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Plan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Requests</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1/s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mean latency</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Errors (4xx+5xx)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restart</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open portal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All statuses</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>API:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Application:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clear</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Traffic</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Listeners</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gateway log</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ignored resource</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Host header, e.g. api.example.com</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Entry point:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Request:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Key of:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>T&amp;ry request</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stopped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Starting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stopping…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failed — see the gateway log</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Running · generation %1 · %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>&amp;Status (%n ignored)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>All APIs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All applications</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(no key)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The key is not in the keychain (%1). Keys generated elsewhere cannot be sent from here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start the gateway first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No response: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot start the gateway: airgatectl was not found beside the console or on PATH.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot start the gateway: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>crashed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>exited with code %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The gateway %1 and was restarted %2 times within a minute; it stays stopped. See its log lines for the cause.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The gateway %1; restarting it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The gateway kept its last good configuration: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New API key for %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (rotated %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Revoke API key %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No stored key for this entry.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No keychain is available in this session.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The keychain holds no key for this entry.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>macOS Keychain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Windows Credential Store</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Secret Service (GNOME Keyring, KWallet)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The keychain did not answer in time.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No keychain is available: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
