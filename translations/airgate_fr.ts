<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR">
<context>
    <name>Console</name>
    <message>
        <source>Browse…</source>
        <translation>Parcourir…</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>Nom :</translation>
    </message>
    <message>
        <source>Airgate console: author, validate and run Traefik Hub API resources offline.</source>
        <translation>Console Airgate : écrire, valider et exécuter hors ligne des ressources d’API Traefik Hub.</translation>
    </message>
    <message>
        <source>Render the main window to a PNG and exit.</source>
        <translation>Enregistrer la fenêtre principale en PNG et quitter.</translation>
    </message>
    <message>
        <source>Window size for --screenshot.</source>
        <translation>Taille de fenêtre pour --screenshot.</translation>
    </message>
    <message>
        <source>Resource to select, as Kind|namespace|name.</source>
        <translation>Ressource à sélectionner, sous la forme Kind|namespace|nom.</translation>
    </message>
    <message>
        <source>Editor tab: form or yaml.</source>
        <translation>Onglet d’édition : form ou yaml.</translation>
    </message>
    <message>
        <source>Go to problem N (0-based) as a double-click would.</source>
        <translation>Aller au problème N (à partir de 0) comme par double-clic.</translation>
    </message>
    <message>
        <source>Bottom panel to show: problems or gateway.</source>
        <translation>Panneau du bas : problems ou gateway.</translation>
    </message>
    <message>
        <source>Workspace folder to open.</source>
        <translation>Dossier d’espace de travail à ouvrir.</translation>
    </message>
    <message>
        <source>Welcome to Airgate</source>
        <translation>Bienvenue dans Airgate</translation>
    </message>
    <message>
        <source>Open a folder of Traefik Hub manifests, or start with the bundled example.</source>
        <translation>Ouvrez un dossier de manifestes Traefik Hub, ou commencez avec l’exemple fourni.</translation>
    </message>
    <message>
        <source>Open &amp;example</source>
        <translation>Ouvrir l’&amp;exemple</translation>
    </message>
    <message>
        <source>&amp;Open workspace…</source>
        <translation>&amp;Ouvrir un espace de travail…</translation>
    </message>
    <message>
        <source>Filter resources (Ctrl+F)</source>
        <translation>Filtrer les ressources (Ctrl+F)</translation>
    </message>
    <message>
        <source>Only with problems</source>
        <translation>Seulement avec problèmes</translation>
    </message>
    <message>
        <source>&amp;YAML</source>
        <translation>&amp;YAML</translation>
    </message>
    <message>
        <source>Problems</source>
        <translation>Problèmes</translation>
    </message>
    <message>
        <source>Gateway</source>
        <translation>Passerelle</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Fichier</translation>
    </message>
    <message>
        <source>Open example</source>
        <translation>Ouvrir l’exemple</translation>
    </message>
    <message>
        <source>The bundled example workspace was not found.</source>
        <translation>L’exemple fourni est introuvable.</translation>
    </message>
    <message>
        <source>&amp;Recent workspaces</source>
        <translation>Espaces &amp;récents</translation>
    </message>
    <message>
        <source>&amp;Save file</source>
        <translation>&amp;Enregistrer le fichier</translation>
    </message>
    <message>
        <source>Save &amp;all</source>
        <translation>Enregistrer &amp;tout</translation>
    </message>
    <message>
        <source>Re&amp;vert file</source>
        <translation>Ré&amp;tablir le fichier</translation>
    </message>
    <message>
        <source>Revert all</source>
        <translation>Tout rétablir</translation>
    </message>
    <message>
        <source>E&amp;xport…</source>
        <translation>E&amp;xporter…</translation>
    </message>
    <message>
        <source>Se&amp;ttings…</source>
        <translation>Pa&amp;ramètres…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Quitter</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Édition</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Annuler</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Rétablir</translation>
    </message>
    <message>
        <source>&amp;Find resource</source>
        <translation>&amp;Chercher une ressource</translation>
    </message>
    <message>
        <source>Show &amp;form</source>
        <translation>Afficher le &amp;formulaire</translation>
    </message>
    <message>
        <source>Show &amp;YAML</source>
        <translation>Afficher le &amp;YAML</translation>
    </message>
    <message>
        <source>Show &amp;problems</source>
        <translation>Afficher les &amp;problèmes</translation>
    </message>
    <message>
        <source>&amp;Resource</source>
        <translation>&amp;Ressource</translation>
    </message>
    <message>
        <source>New &amp;API from OpenAPI…</source>
        <translation>Nouvelle &amp;API depuis OpenAPI…</translation>
    </message>
    <message>
        <source>New managed a&amp;pplication…</source>
        <translation>Nouvelle a&amp;pplication gérée…</translation>
    </message>
    <message>
        <source>New p&amp;lan…</source>
        <translation>Nouveau p&amp;lan…</translation>
    </message>
    <message>
        <source>New p&amp;ortal…</source>
        <translation>Nouveau p&amp;ortail…</translation>
    </message>
    <message>
        <source>New &amp;resource</source>
        <translation>Nouvelle &amp;ressource</translation>
    </message>
    <message>
        <source>Re&amp;name…</source>
        <translation>Re&amp;nommer…</translation>
    </message>
    <message>
        <source>&amp;Delete…</source>
        <translation>&amp;Supprimer…</translation>
    </message>
    <message>
        <source>API &amp;keys…</source>
        <translation>&amp;Clés d’API…</translation>
    </message>
    <message>
        <source>&amp;Gateway</source>
        <translation>&amp;Passerelle</translation>
    </message>
    <message>
        <source>&amp;Start</source>
        <translation>&amp;Démarrer</translation>
    </message>
    <message>
        <source>S&amp;top</source>
        <translation>A&amp;rrêter</translation>
    </message>
    <message>
        <source>&amp;Restart</source>
        <translation>&amp;Redémarrer</translation>
    </message>
    <message>
        <source>Reload on &amp;save</source>
        <translation>Recharger à l’&amp;enregistrement</translation>
    </message>
    <message>
        <source>Open &amp;portal</source>
        <translation>Ouvrir le &amp;portail</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Aide</translation>
    </message>
    <message>
        <source>&amp;About Airgate</source>
        <translation>À &amp;propos d’Airgate</translation>
    </message>
    <message>
        <source>About Airgate</source>
        <translation>À propos d’Airgate</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Airgate %1&lt;/h3&gt;&lt;p&gt;Offline API-management workbench for Traefik Hub resources: author, validate, save, run and watch.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Airgate %1&lt;/h3&gt;&lt;p&gt;Atelier hors ligne de gestion d’API pour les ressources Traefik Hub : écrire, valider, enregistrer, exécuter et observer.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Open workspace</source>
        <translation>Ouvrir un espace de travail</translation>
    </message>
    <message>
        <source>Cannot open %1: %2</source>
        <translation>Impossible d’ouvrir %1 : %2</translation>
    </message>
    <message>
        <source>Unsaved edits found</source>
        <translation>Modifications non enregistrées trouvées</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Enregistrer</translation>
    </message>
    <message>
        <source>Could not save: %1
Nothing was lost: the edits are still here and in the autosave journal.</source>
        <translation>Échec de l’enregistrement : %1
Rien n’est perdu : les modifications sont toujours ici et dans le journal de sauvegarde.</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>Enregistré.</translation>
    </message>
    <message>
        <source>Could not save %1: %2</source>
        <translation>Impossible d’enregistrer %1 : %2</translation>
    </message>
    <message>
        <source>Saved %1.</source>
        <translation>%1 enregistré.</translation>
    </message>
    <message>
        <source>No workspace open — File ▸ Open example</source>
        <translation>Aucun espace ouvert — Fichier ▸ Ouvrir l’exemple</translation>
    </message>
    <message>
        <source>Problems (%1)</source>
        <translation>Problèmes (%1)</translation>
    </message>
    <message>
        <source>Gateway running</source>
        <translation>Passerelle active</translation>
    </message>
    <message>
        <source>Gateway starting</source>
        <translation>Passerelle en démarrage</translation>
    </message>
    <message>
        <source>Gateway failed</source>
        <translation>Passerelle en échec</translation>
    </message>
    <message>
        <source>Gateway stopped</source>
        <translation>Passerelle arrêtée</translation>
    </message>
    <message>
        <source>Reloaded from disk: %1</source>
        <translation>Rechargé depuis le disque : %1</translation>
    </message>
    <message>
        <source>Files changed on disk</source>
        <translation>Fichiers modifiés sur le disque</translation>
    </message>
    <message>
        <source>These files changed on disk while they have unsaved edits here:
%1</source>
        <translation>Ces fichiers ont changé sur le disque alors qu’ils ont des modifications non enregistrées ici :
%1</translation>
    </message>
    <message>
        <source>&amp;Reload from disk</source>
        <translation>&amp;Recharger depuis le disque</translation>
    </message>
    <message>
        <source>&amp;Keep my edits</source>
        <translation>&amp;Garder mes modifications</translation>
    </message>
    <message>
        <source>New %1</source>
        <translation>Nouveau : %1</translation>
    </message>
    <message>
        <source>New %1 %2</source>
        <translation>Nouveau : %1 %2</translation>
    </message>
    <message>
        <source>Wizard</source>
        <translation>Assistant</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Créé</translation>
    </message>
    <message>
        <source>New name:</source>
        <translation>Nouveau nom :</translation>
    </message>
    <message numerus="yes">
        <source>New name (%n reference(s) will be updated):</source>
        <translation><numerusform>Nouveau nom (%n référence sera mise à jour) :</numerusform><numerusform>Nouveau nom (%n références seront mises à jour) :</numerusform></translation>
    </message>
    <message>
        <source>Rename %1</source>
        <translation>Renommer %1</translation>
    </message>
    <message>
        <source>Delete %1?</source>
        <translation>Supprimer %1 ?</translation>
    </message>
    <message>
        <source>These resources refer to it and will have a dangling reference:
%1</source>
        <translation>Ces ressources y font référence et auront une référence pendante :
%1</translation>
    </message>
    <message>
        <source>Delete resource</source>
        <translation>Supprimer la ressource</translation>
    </message>
    <message>
        <source>Select a managed application to manage its API keys.</source>
        <translation>Sélectionnez une application gérée pour gérer ses clés d’API.</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Exporter</translation>
    </message>
    <message numerus="yes">
        <source>The workspace has %n error(s); fix them or export anyway.</source>
        <translation><numerusform>L’espace de travail a %n erreur ; corrigez-la ou exportez quand même.</numerusform><numerusform>L’espace de travail a %n erreurs ; corrigez-les ou exportez quand même.</numerusform></translation>
    </message>
    <message>
        <source>Exported to %1.</source>
        <translation>Exporté vers %1.</translation>
    </message>
    <message>
        <source>Export manifests</source>
        <translation>Exporter les manifestes</translation>
    </message>
    <message>
        <source>One bundle.yaml in apply order</source>
        <translation>Un seul bundle.yaml dans l’ordre d’application</translation>
    </message>
    <message>
        <source>One folder per namespace</source>
        <translation>Un dossier par namespace</translation>
    </message>
    <message>
        <source>Kustomize (one file per resource)</source>
        <translation>Kustomize (un fichier par ressource)</translation>
    </message>
    <message>
        <source>Export even with errors</source>
        <translation>Exporter malgré les erreurs</translation>
    </message>
    <message>
        <source>Layout:</source>
        <translation>Disposition :</translation>
    </message>
    <message>
        <source>Folder:</source>
        <translation>Dossier :</translation>
    </message>
    <message>
        <source>Export folder</source>
        <translation>Dossier d’export</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Paramètres</translation>
    </message>
    <message>
        <source>Follow the system</source>
        <translation>Suivre le système</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>Clair</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>Sombre</translation>
    </message>
    <message>
        <source>System</source>
        <translation>Système</translation>
    </message>
    <message>
        <source>Theme:</source>
        <translation>Thème :</translation>
    </message>
    <message>
        <source>Font size:</source>
        <translation>Taille de police :</translation>
    </message>
    <message>
        <source>Unsaved edits</source>
        <translation>Modifications non enregistrées</translation>
    </message>
    <message>
        <source>Save the edits to %1?</source>
        <translation>Enregistrer les modifications de %1 ?</translation>
    </message>
    <message>
        <source>New API key</source>
        <translation>Nouvelle clé d’API</translation>
    </message>
    <message>
        <source>&lt;b&gt;This is the only time the key is shown.&lt;/b&gt; The workspace holds only its SHAKE256 digest (Secret &lt;tt&gt;%1&lt;/tt&gt;).</source>
        <translation>&lt;b&gt;La clé n’est affichée qu’une seule fois.&lt;/b&gt; L’espace de travail ne contient que son empreinte SHAKE256 (Secret &lt;tt&gt;%1&lt;/tt&gt;).</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>&amp;Copier</translation>
    </message>
    <message>
        <source>Stored in the keychain (%1), where the console&apos;s try-request box reads it.</source>
        <translation>Enregistrée dans le trousseau (%1), où la zone d’essai de la console la lit.</translation>
    </message>
    <message>
        <source>&lt;b&gt;No keychain is available&lt;/b&gt; (%1). The key is kept nowhere: copy it now and hand it to the application&apos;s owner.</source>
        <translation>&lt;b&gt;Aucun trousseau disponible&lt;/b&gt; (%1). La clé n’est conservée nulle part : copiez-la maintenant et remettez-la au propriétaire de l’application.</translation>
    </message>
    <message>
        <source>&lt;b&gt;The keychain refused the key&lt;/b&gt; (%1). Copy it now.</source>
        <translation>&lt;b&gt;Le trousseau a refusé la clé&lt;/b&gt; (%1). Copiez-la maintenant.</translation>
    </message>
    <message>
        <source>Copied</source>
        <translation>Copiée</translation>
    </message>
    <message>
        <source>API keys of %1</source>
        <translation>Clés d’API de %1</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Titre</translation>
    </message>
    <message>
        <source>Secret</source>
        <translation>Secret</translation>
    </message>
    <message>
        <source>State</source>
        <translation>État</translation>
    </message>
    <message>
        <source>Digest</source>
        <translation>Empreinte</translation>
    </message>
    <message>
        <source>&amp;Generate…</source>
        <translation>&amp;Générer…</translation>
    </message>
    <message>
        <source>&amp;Rotate</source>
        <translation>&amp;Renouveler</translation>
    </message>
    <message>
        <source>&amp;Suspend / resume</source>
        <translation>&amp;Suspendre / reprendre</translation>
    </message>
    <message>
        <source>&amp;Title…</source>
        <translation>&amp;Titre…</translation>
    </message>
    <message>
        <source>Re&amp;voke</source>
        <translation>Ré&amp;voquer</translation>
    </message>
    <message>
        <source>Rotating adds a new key beside the old one; revoke the old one once clients have switched. Plaintext keys live only in the keychain (%1).</source>
        <translation>Le renouvellement ajoute une nouvelle clé à côté de l’ancienne ; révoquez l’ancienne une fois les clients passés à la nouvelle. Les clés en clair ne vivent que dans le trousseau (%1).</translation>
    </message>
    <message>
        <source>Title:</source>
        <translation>Titre :</translation>
    </message>
    <message>
        <source>Key title</source>
        <translation>Titre de la clé</translation>
    </message>
    <message>
        <source>(inline digest)</source>
        <translation>(empreinte en ligne)</translation>
    </message>
    <message>
        <source>suspended</source>
        <translation>suspendue</translation>
    </message>
    <message>
        <source>active</source>
        <translation>active</translation>
    </message>
    <message>
        <source>SHAKE256 digest</source>
        <translation>empreinte SHAKE256</translation>
    </message>
    <message>
        <source>missing or not a digest</source>
        <translation>absente ou pas une empreinte</translation>
    </message>
    <message>
        <source>Revoke API key</source>
        <translation>Révoquer la clé d’API</translation>
    </message>
    <message>
        <source>Revoke “%1”? Clients using it get 401 once the change is deployed; the key is removed from the keychain.</source>
        <translation>Révoquer « %1 » ? Les clients qui l’utilisent reçoivent 401 dès le déploiement ; la clé est retirée du trousseau.</translation>
    </message>
    <message>
        <source>Serve the document locally by adding “%1/%2: %3” under specs: in airgate.yaml.</source>
        <translation>Servez le document localement en ajoutant « %1/%2: %3 » sous specs: dans airgate.yaml.</translation>
    </message>
    <message>
        <source>The OIDC client secret is not written to the workspace: set it on the cluster, or locally in airgate.yaml.</source>
        <translation>Le secret client OIDC n’est pas écrit dans l’espace de travail : définissez-le sur le cluster, ou localement.</translation>
    </message>
    <message>
        <source>Invalid name</source>
        <translation>Nom invalide</translation>
    </message>
    <message>
        <source>“%1” is not a DNS label: lower-case letters, digits and &apos;-&apos;, starting and ending with a letter or digit.</source>
        <translation>« %1 » n’est pas un label DNS : minuscules, chiffres et « - », commençant et finissant par une lettre ou un chiffre.</translation>
    </message>
    <message>
        <source>New API from an OpenAPI document</source>
        <translation>Nouvelle API depuis un document OpenAPI</translation>
    </message>
    <message>
        <source>OpenAPI document:</source>
        <translation>Document OpenAPI :</translation>
    </message>
    <message>
        <source>Namespace:</source>
        <translation>Namespace :</translation>
    </message>
    <message>
        <source>Host:</source>
        <translation>Hôte :</translation>
    </message>
    <message>
        <source>api.example.com</source>
        <translation>api.example.com</translation>
    </message>
    <message>
        <source>Path prefix:</source>
        <translation>Préfixe de chemin :</translation>
    </message>
    <message>
        <source>Service:</source>
        <translation>Service :</translation>
    </message>
    <message>
        <source>Service port:</source>
        <translation>Port du service :</translation>
    </message>
    <message>
        <source>Operation sets from the document&apos;s tags</source>
        <translation>Ensembles d’opérations depuis les tags du document</translation>
    </message>
    <message>
        <source>OpenAPI document</source>
        <translation>Document OpenAPI</translation>
    </message>
    <message>
        <source>OpenAPI (*.json *.yaml *.yml)</source>
        <translation>OpenAPI (*.json *.yaml *.yml)</translation>
    </message>
    <message>
        <source>New API</source>
        <translation>Nouvelle API</translation>
    </message>
    <message>
        <source>New managed application</source>
        <translation>Nouvelle application gérée</translation>
    </message>
    <message>
        <source>Owner:</source>
        <translation>Propriétaire :</translation>
    </message>
    <message>
        <source>the user&apos;s sub claim, or a group</source>
        <translation>le claim sub de l’utilisateur, ou un groupe</translation>
    </message>
    <message>
        <source>Generate a first API key</source>
        <translation>Générer une première clé d’API</translation>
    </message>
    <message>
        <source>Key title:</source>
        <translation>Titre de la clé :</translation>
    </message>
    <message>
        <source>First key</source>
        <translation>Première clé</translation>
    </message>
    <message>
        <source>New plan</source>
        <translation>Nouveau plan</translation>
    </message>
    <message>
        <source>no rate limit</source>
        <translation>pas de limite de débit</translation>
    </message>
    <message>
        <source>Rate period:</source>
        <translation>Période de débit :</translation>
    </message>
    <message>
        <source>Requests per period:</source>
        <translation>Requêtes par période :</translation>
    </message>
    <message>
        <source>no quota</source>
        <translation>pas de quota</translation>
    </message>
    <message>
        <source>Quota:</source>
        <translation>Quota :</translation>
    </message>
    <message>
        <source>Quota period:</source>
        <translation>Période du quota :</translation>
    </message>
    <message>
        <source>New portal</source>
        <translation>Nouveau portail</translation>
    </message>
    <message>
        <source>API Portal</source>
        <translation>Portail d’API</translation>
    </message>
    <message>
        <source>Public URL:</source>
        <translation>URL publique :</translation>
    </message>
    <message>
        <source>OIDC issuer URL:</source>
        <translation>URL de l’émetteur OIDC :</translation>
    </message>
    <message>
        <source>OIDC client id:</source>
        <translation>Identifiant client OIDC :</translation>
    </message>
    <message>
        <source>Select a resource in the workspace tree.</source>
        <translation>Sélectionnez une ressource dans l’arborescence.</translation>
    </message>
    <message>
        <source>Metadata</source>
        <translation>Métadonnées</translation>
    </message>
    <message>
        <source>Airgate has no schema for %1 (%2): edit it in the YAML view.</source>
        <translation>Airgate n’a pas de schéma pour %1 (%2) : modifiez-le dans la vue YAML.</translation>
    </message>
    <message>
        <source>Spec</source>
        <translation>Spec</translation>
    </message>
    <message>
        <source>Content</source>
        <translation>Contenu</translation>
    </message>
    <message>
        <source>Name *</source>
        <translation>Nom *</translation>
    </message>
    <message>
        <source>Namespace *</source>
        <translation>Namespace *</translation>
    </message>
    <message>
        <source>(plain route)</source>
        <translation>(route simple)</translation>
    </message>
    <message>
        <source>API %1</source>
        <translation>API %1</translation>
    </message>
    <message>
        <source>API version %1</source>
        <translation>Version d’API %1</translation>
    </message>
    <message>
        <source>Portal %1</source>
        <translation>Portail %1</translation>
    </message>
    <message>
        <source>Exposes</source>
        <translation>Expose</translation>
    </message>
    <message>
        <source>Labels</source>
        <translation>Labels</translation>
    </message>
    <message>
        <source>Annotations</source>
        <translation>Annotations</translation>
    </message>
    <message>
        <source>Add %1</source>
        <translation>Ajouter %1</translation>
    </message>
    <message>
        <source>Free-form: edit it in the YAML view.</source>
        <translation>Forme libre : modifiez-la dans la vue YAML.</translation>
    </message>
    <message>
        <source>Create %1…</source>
        <translation>Créer %1…</translation>
    </message>
    <message>
        <source>e.g. 30s, 5m, 1h30m, 1d</source>
        <translation>p. ex. 30s, 5m, 1h30m, 1d</translation>
    </message>
    <message>
        <source>not a duration: use 30s, 5m, 1h30m or 1d</source>
        <translation>pas une durée : utilisez 30s, 5m, 1h30m ou 1d</translation>
    </message>
    <message>
        <source>Move up</source>
        <translation>Monter</translation>
    </message>
    <message>
        <source>Move down</source>
        <translation>Descendre</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Retirer</translation>
    </message>
    <message>
        <source>Edit this item in the YAML view.</source>
        <translation>Modifiez cet élément dans la vue YAML.</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Ajouter</translation>
    </message>
    <message>
        <source>Add entry</source>
        <translation>Ajouter une entrée</translation>
    </message>
    <message>
        <source>Not applied: %1</source>
        <translation>Non appliqué : %1</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Erreur</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>Avertissement</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>Gravité</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>Problème</translation>
    </message>
    <message>
        <source>Resource</source>
        <translation>Ressource</translation>
    </message>
    <message>
        <source>Location</source>
        <translation>Emplacement</translation>
    </message>
    <message>
        <source>Rule</source>
        <translation>Règle</translation>
    </message>
    <message>
        <source>(no namespace)</source>
        <translation>(sans namespace)</translation>
    </message>
    <message>
        <source>(unnamed)</source>
        <translation>(sans nom)</translation>
    </message>
    <message numerus="yes">
        <source>%n error(s)</source>
        <translation><numerusform>%n erreur</numerusform><numerusform>%n erreurs</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n warning(s)</source>
        <translation><numerusform>%n avertissement</numerusform><numerusform>%n avertissements</numerusform></translation>
    </message>
    <message>
        <source> (unsaved)</source>
        <translation> (non enregistré)</translation>
    </message>
    <message>
        <source>Edit %1</source>
        <translation>Modifier %1</translation>
    </message>
    <message>
        <source>Remove %1</source>
        <translation>Retirer %1</translation>
    </message>
    <message>
        <source>Add to %1</source>
        <translation>Ajouter à %1</translation>
    </message>
    <message>
        <source>Remove %1[%2]</source>
        <translation>Retirer %1[%2]</translation>
    </message>
    <message>
        <source>Move %1[%2]</source>
        <translation>Déplacer %1[%2]</translation>
    </message>
    <message>
        <source>Edit %1[%2]</source>
        <translation>Modifier %1[%2]</translation>
    </message>
    <message>
        <source>Rename %1[%2]</source>
        <translation>Renommer %1[%2]</translation>
    </message>
    <message>
        <source>line %1, column %2: %3</source>
        <translation>ligne %1, colonne %2 : %3</translation>
    </message>
    <message>
        <source>a resource must be a YAML mapping with apiVersion and kind</source>
        <translation>une ressource doit être un mapping YAML avec apiVersion et kind</translation>
    </message>
    <message>
        <source>the resource no longer exists</source>
        <translation>la ressource n’existe plus</translation>
    </message>
    <message>
        <source>Edit YAML of %1</source>
        <translation>Modifier le YAML de %1</translation>
    </message>
    <message>
        <source>Delete %1</source>
        <translation>Supprimer %1</translation>
    </message>
    <message>
        <source>Rename %1 to %2</source>
        <translation>Renommer %1 en %2</translation>
    </message>
    <message>
        <source>Revert %1</source>
        <translation>Rétablir %1</translation>
    </message>
    <message>
        <source>Restore unsaved edits</source>
        <translation>Restaurer les modifications non enregistrées</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Heure</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>Méthode</translation>
    </message>
    <message>
        <source>Host</source>
        <translation>Hôte</translation>
    </message>
    <message>
        <source>Path</source>
        <translation>Chemin</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Statut</translation>
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
        <translation>Application</translation>
    </message>
    <message>
        <source>Plan</source>
        <translation>Plan</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Raison</translation>
    </message>
    <message>
        <source>Requests</source>
        <translation>Requêtes</translation>
    </message>
    <message>
        <source>%1/s</source>
        <translation>%1/s</translation>
    </message>
    <message>
        <source>Mean latency</source>
        <translation>Latence moyenne</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>Errors (4xx+5xx)</source>
        <translation>Erreurs (4xx+5xx)</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Démarrer</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Arrêter</translation>
    </message>
    <message>
        <source>Restart</source>
        <translation>Redémarrer</translation>
    </message>
    <message>
        <source>Open portal</source>
        <translation>Ouvrir le portail</translation>
    </message>
    <message>
        <source>All statuses</source>
        <translation>Tous les statuts</translation>
    </message>
    <message>
        <source>API:</source>
        <translation>API :</translation>
    </message>
    <message>
        <source>Application:</source>
        <translation>Application :</translation>
    </message>
    <message>
        <source>Status:</source>
        <translation>Statut :</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>Effacer</translation>
    </message>
    <message>
        <source>&amp;Traffic</source>
        <translation>&amp;Trafic</translation>
    </message>
    <message>
        <source>Listeners</source>
        <translation>Écoutes</translation>
    </message>
    <message>
        <source>Gateway log</source>
        <translation>Journal de la passerelle</translation>
    </message>
    <message>
        <source>Ignored resource</source>
        <translation>Ressource ignorée</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>&amp;Status</source>
        <translation>&amp;Statut</translation>
    </message>
    <message>
        <source>Host header, e.g. api.example.com</source>
        <translation>En-tête Host, p. ex. api.example.com</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>Envoyer</translation>
    </message>
    <message>
        <source>Entry point:</source>
        <translation>Point d’entrée :</translation>
    </message>
    <message>
        <source>Request:</source>
        <translation>Requête :</translation>
    </message>
    <message>
        <source>Stopped</source>
        <translation>Arrêtée</translation>
    </message>
    <message>
        <source>Starting…</source>
        <translation>Démarrage…</translation>
    </message>
    <message>
        <source>Stopping…</source>
        <translation>Arrêt…</translation>
    </message>
    <message>
        <source>Failed — see the gateway log</source>
        <translation>Échec — voir le journal de la passerelle</translation>
    </message>
    <message>
        <source>Running · generation %1 · %2</source>
        <translation>Active · génération %1 · %2</translation>
    </message>
    <message numerus="yes">
        <source>&amp;Status (%n ignored)</source>
        <translation><numerusform>&amp;Statut (%n ignorée)</numerusform><numerusform>&amp;Statut (%n ignorées)</numerusform></translation>
    </message>
    <message>
        <source>All APIs</source>
        <translation>Toutes les API</translation>
    </message>
    <message>
        <source>All applications</source>
        <translation>Toutes les applications</translation>
    </message>
    <message>
        <source>(no key)</source>
        <translation>(sans clé)</translation>
    </message>
    <message>
        <source>Start the gateway first.</source>
        <translation>Démarrez d’abord la passerelle.</translation>
    </message>
    <message>
        <source>No response: %1</source>
        <translation>Pas de réponse : %1</translation>
    </message>
    <message>
        <source>Cannot start the gateway: airgatectl was not found beside the console or on PATH.</source>
        <translation>Impossible de démarrer la passerelle : airgatectl est introuvable à côté de la console et dans le PATH.</translation>
    </message>
    <message>
        <source>Cannot start the gateway: %1</source>
        <translation>Impossible de démarrer la passerelle : %1</translation>
    </message>
    <message>
        <source>crashed</source>
        <translation>s’est arrêtée brutalement</translation>
    </message>
    <message>
        <source>exited with code %1</source>
        <translation>a quitté avec le code %1</translation>
    </message>
    <message>
        <source>The gateway %1 and was restarted %2 times within a minute; it stays stopped. See its log lines for the cause.</source>
        <translation>La passerelle %1 et a été redémarrée %2 fois en une minute ; elle reste arrêtée. Voir son journal pour la cause.</translation>
    </message>
    <message>
        <source>The gateway %1; restarting it.</source>
        <translation>La passerelle %1 ; redémarrage.</translation>
    </message>
    <message>
        <source>The gateway kept its last good configuration: %1</source>
        <translation>La passerelle garde sa dernière configuration valide : %1</translation>
    </message>
    <message>
        <source>New API key for %1</source>
        <translation>Nouvelle clé d’API pour %1</translation>
    </message>
    <message>
        <source>%1 (rotated %2)</source>
        <translation>%1 (renouvelée le %2)</translation>
    </message>
    <message>
        <source>Revoke API key %1</source>
        <translation>Révoquer la clé d’API %1</translation>
    </message>
    <message>
        <source>No stored key for this entry.</source>
        <translation>Aucune clé enregistrée pour cette entrée.</translation>
    </message>
    <message>
        <source>No keychain is available in this session.</source>
        <translation>Aucun trousseau n’est disponible dans cette session.</translation>
    </message>
    <message>
        <source>The keychain holds no key for this entry.</source>
        <translation>Le trousseau ne contient aucune clé pour cette entrée.</translation>
    </message>
    <message>
        <source>macOS Keychain</source>
        <translation>Trousseau macOS</translation>
    </message>
    <message>
        <source>Windows Credential Store</source>
        <translation>Gestionnaire d’identification Windows</translation>
    </message>
    <message>
        <source>Secret Service (GNOME Keyring, KWallet)</source>
        <translation>Secret Service (trousseau GNOME, KWallet)</translation>
    </message>
    <message>
        <source>The keychain did not answer in time.</source>
        <translation>Le trousseau n’a pas répondu à temps.</translation>
    </message>
    <message>
        <source>Fix %1</source>
        <translation>Corriger %1</translation>
    </message>
    <message>
        <source>Entry points</source>
        <translation>Points d’entrée</translation>
    </message>
    <message>
        <source>Where the gateway listens for each entry point the IngressRoutes name.</source>
        <translation>Où la passerelle écoute pour chaque point d’entrée que nomment les IngressRoutes.</translation>
    </message>
    <message>
        <source>Services</source>
        <translation>Services</translation>
    </message>
    <message>
        <source>Where a Kubernetes Service the routes send to lives on this workstation: a URL, or an OpenAPI document whose examples are served.</source>
        <translation>Où se trouve sur ce poste un Service Kubernetes vers lequel les routes envoient : une URL, ou un document OpenAPI dont les exemples sont servis.</translation>
    </message>
    <message>
        <source>OpenAPI documents</source>
        <translation>Documents OpenAPI</translation>
    </message>
    <message>
        <source>The OpenAPI document of an API, for the portal and request validation (paths inside the workspace).</source>
        <translation>Le document OpenAPI d’une API, pour le portail et la validation des requêtes (chemins dans l’espace de travail).</translation>
    </message>
    <message>
        <source>Portal previews</source>
        <translation>Aperçus du portail</translation>
    </message>
    <message>
        <source>Where each portal&apos;s preview listens.</source>
        <translation>Où écoute l’aperçu de chaque portail.</translation>
    </message>
    <message>
        <source>Local JWKS copies</source>
        <translation>Copies locales de JWKS</translation>
    </message>
    <message>
        <source>A local copy of an identity provider&apos;s keys, used instead of fetching them.</source>
        <translation>Une copie locale des clés d’un fournisseur d’identité, utilisée au lieu de les télécharger.</translation>
    </message>
    <message>
        <source>Limits</source>
        <translation>Limites</translation>
    </message>
    <message>
        <source>maxHeaderBytes, maxBodyBytes, maxConnections, headerTimeout, idleTimeout, bodyTimeout.</source>
        <translation>maxHeaderBytes, maxBodyBytes, maxConnections, headerTimeout, idleTimeout, bodyTimeout.</translation>
    </message>
    <message>
        <source>local settings of this workstation: never exported</source>
        <translation>paramètres locaux de ce poste : jamais exportés</translation>
    </message>
    <message>
        <source>airgate.yaml does not read as settings: fix it in the YAML view (Alt+2), then edit it here.</source>
        <translation>airgate.yaml ne se lit pas comme des paramètres : corrigez-le dans la vue YAML (Alt+2), puis modifiez-le ici.</translation>
    </message>
    <message>
        <source>%1 (deprecated)</source>
        <translation>%1 (obsolète)</translation>
    </message>
    <message>
        <source>No keychain is available: %1.</source>
        <translation>Aucun trousseau n’est disponible : %1.</translation>
    </message>
    <message>
        <source>this session has no D-Bus session bus, so no keychain can be reached</source>
        <translation>cette session n’a pas de bus de session D-Bus, aucun trousseau n’est donc joignable</translation>
    </message>
    <message>
        <source>the session&apos;s D-Bus address (%1) leads to no running bus, so no keychain can be reached</source>
        <translation>l’adresse D-Bus de la session (%1) ne mène à aucun bus en marche, aucun trousseau n’est donc joignable</translation>
    </message>
    <message>
        <source>The keychain was not unlocked (its password prompt was cancelled).</source>
        <translation>Le trousseau n’a pas été déverrouillé (sa demande de mot de passe a été annulée).</translation>
    </message>
    <message>
        <source>The keychain refused access: it may be locked.</source>
        <translation>Le trousseau a refusé l’accès : il est peut-être verrouillé.</translation>
    </message>
    <message>
        <source>No keychain is available: no Secret Service (GNOME Keyring, KWallet) runs in this session.</source>
        <translation>Aucun trousseau n’est disponible : aucun Secret Service (GNOME Keyring, KWallet) ne tourne dans cette session.</translation>
    </message>
    <message>
        <source>No keychain is available: no Secret Service (GNOME Keyring, KWallet) answers on this session&apos;s D-Bus.</source>
        <translation>Aucun trousseau n’est disponible : aucun Secret Service (GNOME Keyring, KWallet) ne répond sur le D-Bus de cette session.</translation>
    </message>
    <message>
        <source>The keychain could not be used.</source>
        <translation>Le trousseau n’a pas pu être utilisé.</translation>
    </message>
    <message>
        <source>Git: new, not committed yet</source>
        <translation>Git : nouveau, pas encore commité</translation>
    </message>
    <message>
        <source>Git: modified since the last commit</source>
        <translation>Git : modifié depuis le dernier commit</translation>
    </message>
    <message>
        <source>The gateway of another Airgate window (pid %1) serves %2; it was left running.</source>
        <translation>La passerelle d’une autre fenêtre Airgate (pid %1) sert %2 ; elle a été laissée en marche.</translation>
    </message>
    <message>
        <source>A gateway left running by an earlier Airgate session (pid %1, serving %2) was found and stopped.</source>
        <translation>Une passerelle laissée en marche par une session Airgate précédente (pid %1, servant %2) a été trouvée et arrêtée.</translation>
    </message>
    <message>
        <source>Quick fix…</source>
        <translation>Correction rapide…</translation>
    </message>
    <message>
        <source>Migrate: %1</source>
        <translation>Migrer : %1</translation>
    </message>
    <message>
        <source>No quick fix for this problem</source>
        <translation>Aucune correction rapide pour ce problème</translation>
    </message>
    <message>
        <source>Reload</source>
        <translation>Recharger</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>Masquer</translation>
    </message>
    <message>
        <source>paste the key: sent once, never stored</source>
        <translation>collez la clé : envoyée une fois, jamais enregistrée</translation>
    </message>
    <message>
        <source>One header a line, e.g. Accept: application/json</source>
        <translation>Un en-tête par ligne, p. ex. Accept: application/json</translation>
    </message>
    <message>
        <source>Request body (POST, PUT, PATCH)</source>
        <translation>Corps de la requête (POST, PUT, PATCH)</translation>
    </message>
    <message>
        <source>Headers:</source>
        <translation>En-têtes :</translation>
    </message>
    <message>
        <source>Body:</source>
        <translation>Corps :</translation>
    </message>
    <message>
        <source>Key:</source>
        <translation>Clé :</translation>
    </message>
    <message>
        <source>Running the last good configuration · generation %1 · %2</source>
        <translation>En marche avec la dernière configuration valide · génération %1 · %2</translation>
    </message>
    <message>
        <source>No portal preview is running: start the gateway, and give a portal a portalPreview address in airgate.yaml.</source>
        <translation>Aucun aperçu de portail n’est en marche : démarrez la passerelle et donnez à un portail une adresse portalPreview dans airgate.yaml.</translation>
    </message>
    <message>
        <source>No browser could be started. Open %1 in a browser.</source>
        <translation>Aucun navigateur n’a pu être lancé. Ouvrez %1 dans un navigateur.</translation>
    </message>
    <message>
        <source>The gateway serves its last good configuration, not the workspace: %1</source>
        <translation>La passerelle sert sa dernière configuration valide, pas l’espace de travail : %1</translation>
    </message>
    <message>
        <source>the workspace could not be served</source>
        <translation>l’espace de travail n’a pas pu être servi</translation>
    </message>
    <message>
        <source>Paste a key…</source>
        <translation>Coller une clé…</translation>
    </message>
    <message>
        <source>Paste a key to send, or choose “(no key)”.</source>
        <translation>Collez une clé à envoyer, ou choisissez « (aucune clé) ».</translation>
    </message>
    <message>
        <source>The key could not be read: %1 Choose “Paste a key…” to send a key once.</source>
        <translation>La clé n’a pas pu être lue : %1 Choisissez « Coller une clé… » pour envoyer une clé une fois.</translation>
    </message>
    <message>
        <source>“%1” is not a header: write Name: value, one a line.</source>
        <translation>« %1 » n’est pas un en-tête : écrivez Nom: valeur, un par ligne.</translation>
    </message>
    <message>
        <source>application</source>
        <translation>application</translation>
    </message>
    <message>
        <source>plan</source>
        <translation>plan</translation>
    </message>
    <message>
        <source>route</source>
        <translation>route</translation>
    </message>
    <message>
        <source>Gateway: %1</source>
        <translation>Passerelle : %1</translation>
    </message>
    <message>
        <source>no reason logged</source>
        <translation>aucune raison journalisée</translation>
    </message>
    <message>
        <source>(empty body)</source>
        <translation>(corps vide)</translation>
    </message>
    <message>
        <source>%1: “%2” is checked once %3 is set</source>
        <translation>%1 : « %2 » est vérifié une fois %3 renseigné</translation>
    </message>
    <message>
        <source>%1: “%2” could not be checked on this value</source>
        <translation>%1 : « %2 » n’a pas pu être vérifié sur cette valeur</translation>
    </message>
    <message>
        <source>Local settings</source>
        <translation>Paramètres locaux</translation>
    </message>
    <message>
        <source>This workstation&apos;s settings: never exported</source>
        <translation>Les paramètres de ce poste : jamais exportés</translation>
    </message>
    <message>
        <source>settings</source>
        <translation>paramètres</translation>
    </message>
    <message>
        <source>Entry points, local services, OpenAPI documents, portal previews</source>
        <translation>Points d’entrée, services locaux, documents OpenAPI, aperçus du portail</translation>
    </message>
    <message>
        <source>Documents</source>
        <translation>Documents</translation>
    </message>
    <message>
        <source>API descriptions: not manifests, never exported</source>
        <translation>Descriptions d’API : pas des manifestes, jamais exportées</translation>
    </message>
    <message>
        <source>document</source>
        <translation>document</translation>
    </message>
    <message>
        <source>added</source>
        <translation>ajouté</translation>
    </message>
    <message>
        <source>removed</source>
        <translation>supprimé</translation>
    </message>
    <message>
        <source>changed</source>
        <translation>modifié</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;Actualiser</translation>
    </message>
    <message>
        <source>Review changes</source>
        <translation>Vérifier les modifications</translation>
    </message>
    <message>
        <source>Files on disk (last saved)</source>
        <translation>Fichiers sur le disque (dernier enregistrement)</translation>
    </message>
    <message>
        <source>Git: HEAD (last commit)</source>
        <translation>Git : HEAD (dernier commit)</translation>
    </message>
    <message>
        <source>What the running gateway serves</source>
        <translation>Ce que sert la passerelle en marche</translation>
    </message>
    <message>
        <source>no workspace is open</source>
        <translation>aucun espace de travail n’est ouvert</translation>
    </message>
    <message>
        <source>Not in a Git repository: %1</source>
        <translation>Pas dans un dépôt Git : %1</translation>
    </message>
    <message>
        <source>The gateway is not running</source>
        <translation>La passerelle n’est pas en marche</translation>
    </message>
    <message>
        <source>Resource / field</source>
        <translation>Ressource / champ</translation>
    </message>
    <message>
        <source>Before → workspace</source>
        <translation>Avant → espace de travail</translation>
    </message>
    <message>
        <source>Compare the workspace (unsaved edits included) with:</source>
        <translation>Comparer l’espace de travail (modifications non enregistrées comprises) avec :</translation>
    </message>
    <message>
        <source>The export folder %1</source>
        <translation>Le dossier d’export %1</translation>
    </message>
    <message>
        <source>%1 does not exist yet</source>
        <translation>%1 n’existe pas encore</translation>
    </message>
    <message>
        <source>No workspace is open.</source>
        <translation>Aucun espace de travail n’est ouvert.</translation>
    </message>
    <message>
        <source>%1 is not available.</source>
        <translation>%1 n’est pas disponible.</translation>
    </message>
    <message>
        <source>disk</source>
        <translation>disque</translation>
    </message>
    <message>
        <source>The gateway&apos;s admin token cannot be read: %1</source>
        <translation>Le jeton d’administration de la passerelle ne peut pas être lu : %1</translation>
    </message>
    <message>
        <source>Asking the gateway…</source>
        <translation>Interrogation de la passerelle…</translation>
    </message>
    <message>
        <source>The gateway&apos;s admin API: %1</source>
        <translation>L’API d’administration de la passerelle : %1</translation>
    </message>
    <message>
        <source>The gateway&apos;s admin API answered %1</source>
        <translation>L’API d’administration de la passerelle a répondu %1</translation>
    </message>
    <message>
        <source>The gateway serves %1.</source>
        <translation>La passerelle sert %1.</translation>
    </message>
    <message>
        <source>The workspace does not parse: %1</source>
        <translation>L’espace de travail ne se lit pas : %1</translation>
    </message>
    <message>
        <source>No differences with %1 (%2 unchanged).</source>
        <translation>Aucune différence avec %1 (%2 inchangées).</translation>
    </message>
    <message>
        <source>Compared with %1: %2 changed, %3 added, %4 removed, %5 unchanged.</source>
        <translation>Comparé à %1 : %2 modifiées, %3 ajoutées, %4 supprimées, %5 inchangées.</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(aucun)</translation>
    </message>
    <message>
        <source>%1 is not an OpenAPI document: %2</source>
        <translation>%1 n’est pas un document OpenAPI : %2</translation>
    </message>
    <message>
        <source>Serve the document locally: copy it to specs/%3 in the workspace and add “%1/%2: specs/%3” under specs: in airgate.yaml.</source>
        <translation>Servir le document localement : copiez-le dans specs/%3 de l’espace de travail et ajoutez « %1/%2: specs/%3 » sous specs: dans airgate.yaml.</translation>
    </message>
    <message>
        <source>%1 “%2” is not a duration: write it like 1s, 30m, 1h or 720h.</source>
        <translation>%1 « %2 » n’est pas une durée : écrivez-la comme 1s, 30m, 1h ou 720h.</translation>
    </message>
    <message>
        <source>%1 must be between 1s and %2h (it is %3).</source>
        <translation>%1 doit être comprise entre 1s et %2h (elle vaut %3).</translation>
    </message>
    <message>
        <source>The rate period</source>
        <translation>La période de débit</translation>
    </message>
    <message>
        <source>The quota period</source>
        <translation>La période de quota</translation>
    </message>
    <message>
        <source>Choose the plan the subscription grants (create one with Resource ▸ New plan).</source>
        <translation>Choisissez le plan qu’accorde l’abonnement (créez-en un avec Ressource ▸ Nouveau plan).</translation>
    </message>
    <message>
        <source>Choose at least one application to subscribe.</source>
        <translation>Choisissez au moins une application à abonner.</translation>
    </message>
    <message>
        <source>Choose at least one API the applications get.</source>
        <translation>Choisissez au moins une API que les applications obtiennent.</translation>
    </message>
    <message>
        <source>New subscription</source>
        <translation>Nouvel abonnement</translation>
    </message>
    <message>
        <source>Applications:</source>
        <translation>Applications :</translation>
    </message>
    <message>
        <source>APIs:</source>
        <translation>API :</translation>
    </message>
    <message>
        <source>Plan:</source>
        <translation>Plan :</translation>
    </message>
    <message>
        <source>With --screenshot: start the gateway (as F5 does) and wait until it runs.</source>
        <translation>Avec --screenshot : démarrer la passerelle (comme F5) et attendre qu’elle soit en marche.</translation>
    </message>
    <message>
        <source>With --screenshot: milliseconds to wait before the picture is taken.</source>
        <translation>Avec --screenshot : millisecondes d’attente avant la capture.</translation>
    </message>
    <message>
        <source>Review c&amp;hanges…</source>
        <translation>Vérifier les &amp;modifications…</translation>
    </message>
    <message>
        <source>New &amp;subscription…</source>
        <translation>Nouvel a&amp;bonnement…</translation>
    </message>
    <message>
        <source>&amp;Manual</source>
        <translation>&amp;Manuel</translation>
    </message>
    <message>
        <source>Manual</source>
        <translation>Manuel</translation>
    </message>
    <message>
        <source>The offline manual is not installed here. It is looked for in:
%1</source>
        <translation>Le manuel hors ligne n’est pas installé ici. Il est cherché dans :
%1</translation>
    </message>
    <message>
        <source>No program opened the manual. Open this file in a browser:
%1</source>
        <translation>Aucun programme n’a ouvert le manuel. Ouvrez ce fichier dans un navigateur :
%1</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation>Raccourcis &amp;clavier</translation>
    </message>
    <message numerus="yes">
        <source>Airgate was closed on %1 with unsaved edits to %n file(s) of this workspace:
%2
Restore them? (Edit ▸ Undo takes them back.)</source>
        <translation><numerusform>Airgate a été fermé le %1 avec des modifications non enregistrées de %n fichier de cet espace de travail :
%2
Les restaurer ? (Édition ▸ Annuler les retire.)</numerusform><numerusform>Airgate a été fermé le %1 avec des modifications non enregistrées de %n fichiers de cet espace de travail :
%2
Les restaurer ? (Édition ▸ Annuler les retire.)</numerusform></translation>
    </message>
    <message>
        <source>Restored unsaved edits to %1 — Edit ▸ Undo takes them back.</source>
        <translation>Modifications non enregistrées de %1 restaurées — Édition ▸ Annuler les retire.</translation>
    </message>
    <message>
        <source>The YAML view holds text that does not parse, so it is not part of the resource yet: %1
Save the other edits anyway? (The YAML view keeps its text.)</source>
        <translation>La vue YAML contient un texte qui ne se lit pas et ne fait donc pas encore partie de la ressource : %1
Enregistrer quand même les autres modifications ? (La vue YAML garde son texte.)</translation>
    </message>
    <message>
        <source>These files were changed on disk since they were loaded here; saving replaces those changes with yours:
%1</source>
        <translation>Ces fichiers ont été modifiés sur le disque depuis leur chargement ici ; enregistrer remplace ces modifications par les vôtres :
%1</translation>
    </message>
    <message>
        <source>&amp;Overwrite</source>
        <translation>É&amp;craser</translation>
    </message>
    <message numerus="yes">
        <source>%n resource(s)</source>
        <translation><numerusform>%n ressource</numerusform><numerusform>%n ressources</numerusform></translation>
    </message>
    <message>
        <source>validated in %1 ms</source>
        <translation>validé en %1 ms</translation>
    </message>
    <message>
        <source>Choose a folder to export to.</source>
        <translation>Choisissez un dossier où exporter.</translation>
    </message>
    <message>
        <source>&amp;Export</source>
        <translation>&amp;Exporter</translation>
    </message>
    <message>
        <source>&amp;Review changes…</source>
        <translation>&amp;Vérifier les modifications…</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Raccourcis clavier</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Action</translation>
    </message>
    <message>
        <source>Shortcut</source>
        <translation>Raccourci</translation>
    </message>
    <message>
        <source>Form ▸ Next / previous field</source>
        <translation>Formulaire ▸ Champ suivant / précédent</translation>
    </message>
    <message>
        <source>Problems ▸ Go to the field and line</source>
        <translation>Problèmes ▸ Aller au champ et à la ligne</translation>
    </message>
    <message>
        <source>Tree ▸ Delete the resource</source>
        <translation>Arborescence ▸ Supprimer la ressource</translation>
    </message>
    <message>
        <source>Try re&amp;quest</source>
        <translation>&amp;Essayer une requête</translation>
    </message>
    <message>
        <source>F&amp;orm</source>
        <translation>F&amp;ormulaire</translation>
    </message>
</context>
<context>
    <name>Portal</name>
    <message>
        <source>Operations</source>
        <translation>Opérations</translation>
    </message>
    <message>
        <source>Parameters</source>
        <translation>Paramètres</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>In</source>
        <translation>Dans</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Description</translation>
    </message>
    <message>
        <source>Request body</source>
        <translation>Corps de la requête</translation>
    </message>
    <message>
        <source>Body</source>
        <translation>Corps</translation>
    </message>
    <message>
        <source>Responses</source>
        <translation>Réponses</translation>
    </message>
    <message>
        <source>Try it</source>
        <translation>Essayer</translation>
    </message>
    <message>
        <source>Credential</source>
        <translation>Identifiant</translation>
    </message>
    <message>
        <source>API key or token</source>
        <translation>Clé d’API ou jeton</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>Envoyer</translation>
    </message>
    <message>
        <source>No operation of this API is visible to you.</source>
        <translation>Aucune opération de cette API ne vous est visible.</translation>
    </message>
    <message>
        <source>Back to the portal</source>
        <translation>Retour au portail</translation>
    </message>
    <message>
        <source>APIs</source>
        <translation>API</translation>
    </message>
    <message>
        <source>Plans</source>
        <translation>Plans</translation>
    </message>
    <message>
        <source>My applications</source>
        <translation>Mes applications</translation>
    </message>
    <message>
        <source>Sign out</source>
        <translation>Se déconnecter</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>Se connecter</translation>
    </message>
    <message>
        <source>Skip to content</source>
        <translation>Aller au contenu</translation>
    </message>
    <message>
        <source>Main</source>
        <translation>Principal</translation>
    </message>
    <message>
        <source>Read-only portal preview served by Airgate.</source>
        <translation>Aperçu du portail en lecture seule, servi par Airgate.</translation>
    </message>
    <message>
        <source>Sign in first</source>
        <translation>Connectez-vous d’abord</translation>
    </message>
    <message>
        <source>Your session has ended.</source>
        <translation>Votre session a pris fin.</translation>
    </message>
    <message>
        <source>Not found</source>
        <translation>Introuvable</translation>
    </message>
    <message>
        <source>There is no such page in this portal.</source>
        <translation>Cette page n’existe pas dans ce portail.</translation>
    </message>
    <message>
        <source>Browse the APIs</source>
        <translation>Parcourir les API</translation>
    </message>
    <message>
        <source>Sign in to see the APIs</source>
        <translation>Connectez-vous pour voir les API</translation>
    </message>
    <message>
        <source>No API is published to you in this portal.</source>
        <translation>Aucune API ne vous est publiée dans ce portail.</translation>
    </message>
    <message>
        <source>Plans:</source>
        <translation>Plans :</translation>
    </message>
    <message>
        <source>Versions:</source>
        <translation>Versions :</translation>
    </message>
    <message>
        <source>This API is not published to you.</source>
        <translation>Cette API ne vous est pas publiée.</translation>
    </message>
    <message>
        <source>The OpenAPI document could not be loaded.</source>
        <translation>Le document OpenAPI n’a pas pu être chargé.</translation>
    </message>
    <message>
        <source>Versions</source>
        <translation>Versions</translation>
    </message>
    <message>
        <source>Current</source>
        <translation>Actuelle</translation>
    </message>
    <message>
        <source>Servers:</source>
        <translation>Serveurs :</translation>
    </message>
    <message>
        <source>Download the OpenAPI document</source>
        <translation>Télécharger le document OpenAPI</translation>
    </message>
    <message>
        <source>No plan is offered to you.</source>
        <translation>Aucun plan ne vous est proposé.</translation>
    </message>
    <message>
        <source>requests</source>
        <translation>requêtes</translation>
    </message>
    <message>
        <source>Rate limit</source>
        <translation>Limite de débit</translation>
    </message>
    <message>
        <source>none</source>
        <translation>aucune</translation>
    </message>
    <message>
        <source>Quota</source>
        <translation>Quota</translation>
    </message>
    <message>
        <source>In offline mode, applications, subscriptions and API keys are managed by the operator. Ask them for a new key or a different plan.</source>
        <translation>En mode hors ligne, les applications, abonnements et clés d’API sont gérés par l’opérateur. Demandez-lui une nouvelle clé ou un autre plan.</translation>
    </message>
    <message>
        <source>Application ID:</source>
        <translation>Identifiant d’application :</translation>
    </message>
    <message>
        <source>API keys</source>
        <translation>Clés d’API</translation>
    </message>
    <message>
        <source>(untitled)</source>
        <translation>(sans titre)</translation>
    </message>
    <message>
        <source>suspended</source>
        <translation>suspendue</translation>
    </message>
    <message>
        <source>active</source>
        <translation>active</translation>
    </message>
    <message>
        <source>No key yet.</source>
        <translation>Pas encore de clé.</translation>
    </message>
    <message>
        <source>Subscriptions</source>
        <translation>Abonnements</translation>
    </message>
    <message>
        <source>plan</source>
        <translation>plan</translation>
    </message>
    <message>
        <source>No subscription.</source>
        <translation>Aucun abonnement.</translation>
    </message>
    <message>
        <source>You own no application here.</source>
        <translation>Vous ne possédez aucune application ici.</translation>
    </message>
    <message>
        <source>Sign-in refused</source>
        <translation>Connexion refusée</translation>
    </message>
    <message>
        <source>This address is not among the portal&apos;s trusted URLs.</source>
        <translation>Cette adresse ne fait pas partie des URL de confiance du portail.</translation>
    </message>
    <message>
        <source>Sign-in unavailable</source>
        <translation>Connexion indisponible</translation>
    </message>
    <message>
        <source>The identity provider could not be reached:</source>
        <translation>Le fournisseur d’identité est injoignable :</translation>
    </message>
    <message>
        <source>Sign-in failed</source>
        <translation>Échec de la connexion</translation>
    </message>
    <message>
        <source>The sign-in request is unknown or has expired (invalid state). Please sign in again.</source>
        <translation>La demande de connexion est inconnue ou a expiré (state invalide). Veuillez vous reconnecter.</translation>
    </message>
    <message>
        <source>The identity provider refused the sign-in:</source>
        <translation>Le fournisseur d’identité a refusé la connexion :</translation>
    </message>
    <message>
        <source>Signed out</source>
        <translation>Déconnecté</translation>
    </message>
    <message>
        <source>You are signed out.</source>
        <translation>Vous êtes déconnecté.</translation>
    </message>
    <message>
        <source>Response</source>
        <translation>Réponse</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Retour</translation>
    </message>
    <message>
        <source>all of</source>
        <translation>tous parmi</translation>
    </message>
    <message>
        <source>one of</source>
        <translation>un seul parmi</translation>
    </message>
    <message>
        <source>any of</source>
        <translation>au moins un parmi</translation>
    </message>
    <message>
        <source>array of</source>
        <translation>tableau de</translation>
    </message>
    <message>
        <source>one of:</source>
        <translation>un seul parmi :</translation>
    </message>
    <message>
        <source>Schemas</source>
        <translation>Schémas</translation>
    </message>
    <message>
        <source>Operations by tag</source>
        <translation>Opérations par tag</translation>
    </message>
    <message>
        <source>This sign-in was started in another browser or its cookie has expired. Please sign in again.</source>
        <translation>Cette connexion a été commencée dans un autre navigateur ou son cookie a expiré. Veuillez vous reconnecter.</translation>
    </message>
    <message>
        <source>Invalid form token: you are still signed in. Sign out with the button of the portal.</source>
        <translation>Jeton de formulaire invalide : vous êtes toujours connecté. Déconnectez-vous avec le bouton du portail.</translation>
    </message>
</context>
</TS>
