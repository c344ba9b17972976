// SPDX-License-Identifier: Apache-2.0
#include "commandspec.h"

#include "validation/validator.h"

namespace Airgate::Cli {

QString OptionSpec::label() const
{
    QString s = shortName.isEmpty() ? QString() : shortName + QStringLiteral(", ");
    if (rulePrefix)
        return s + name + QStringLiteral("NAME=") + metavar;
    s += name;
    if (!metavar.isEmpty())
        s += u' ' + metavar;
    return s;
}

const OptionSpec *CommandSpec::option(const QString &n) const
{
    for (const OptionSpec &o : options)
        if (o.name == n || (!o.shortName.isEmpty() && o.shortName == n))
            return &o;
    return nullptr;
}

QString CommandSpec::synopsis(QChar join) const
{
    QStringList parts {name};
    for (const OptionSpec &o : options) {
        QString p = o.rulePrefix
            ? QString(o.name + QStringLiteral("NAME=") + o.metavar)
            : QString(o.name + (o.metavar.isEmpty() ? QString() : QString(join + o.metavar)));
        if (!o.required)
            p = u'[' + p + u']';
        if (o.repeatable)
            p += QStringLiteral("...");
        parts << p;
    }
    if (!arguments.isEmpty())
        parts << arguments;
    return parts.join(u' ');
}

const CommandSpec *ProgramSpec::command(const QString &n) const
{
    for (const CommandSpec &c : commands) {
        if (c.name == n)
            return &c;
        for (const CommandSpec &s : c.subcommands)
            if (s.name == n)
                return &s;
    }
    return nullptr;
}

namespace {

OptionSpec pathOption(const QString &help, bool required)
{
    OptionSpec o;
    o.name = QStringLiteral("--path");
    o.metavar = QStringLiteral("DIR");
    o.kind = ValueKind::Directory;
    o.help = help;
    o.required = required;
    if (!required)
        o.defaultValue = QStringLiteral(".");
    return o;
}

OptionSpec flag(const QString &name, const QString &help)
{
    OptionSpec o;
    o.name = name;
    o.help = help;
    return o;
}

OptionSpec valued(const QString &name, const QString &metavar, ValueKind kind, const QString &help)
{
    OptionSpec o;
    o.name = name;
    o.metavar = metavar;
    o.kind = kind;
    o.help = help;
    return o;
}

OptionSpec choice(const QString &name, const QString &metavar, const QStringList &choices,
                  const QString &defaultValue, const QString &help)
{
    OptionSpec o = valued(name, metavar, ValueKind::Choice, help);
    o.choices = choices;
    o.defaultValue = defaultValue;
    return o;
}

CommandSpec lintSpec()
{
    CommandSpec c;
    c.name = QStringLiteral("lint");
    c.summary
        = QStringLiteral("check manifests as the cluster and Traefik's static analyzer would");
    c.description = QStringLiteral(
        "Reads every manifest of the workspace (*.yaml and *.yml, recursively, multi-document and "
        "kind: List; dot folders and kustomizations are skipped) and checks it against the "
        "embedded Traefik Hub and Traefik CRDs (schema and CEL rules, with the API server's own "
        "messages) and the static analyzer's rules. Findings are printed as "
        "file:line:col: severity: message [rule].");
    c.options = {
        pathOption(QStringLiteral("Workspace folder to check."), false),
        flag(QStringLiteral("--offline"),
             QStringLiteral("Also apply the offline-* rules: what Traefik Hub in offline mode "
                            "would ignore or refuse.")),
        choice(QStringLiteral("--format"), QStringLiteral("FORMAT"),
               {QStringLiteral("unix"), QStringLiteral("json"), QStringLiteral("checkstyle"),
                QStringLiteral("sarif"), QStringLiteral("junit")},
               QStringLiteral("unix"), QStringLiteral("Report format.")),
        valued(QStringLiteral("--output"), QStringLiteral("FILE"), ValueKind::File,
               QStringLiteral("Write the report to FILE instead of standard output.")),
        flag(QStringLiteral("--verbose"), QStringLiteral("Include informational findings.")),
        flag(QStringLiteral("--timings"),
             QStringLiteral("Print the milliseconds of each load phase and each rule on "
                            "standard error.")),
    };
    c.options[3].shortName = QStringLiteral("-o");
    OptionSpec rule = valued(QStringLiteral("--rule."), QStringLiteral("BOOL"), ValueKind::Choice,
                             QStringLiteral("Switch the rule NAME off (false) or on (true); "
                                            "see RULES."));
    rule.choices = {QStringLiteral("false"), QStringLiteral("true")};
    rule.rulePrefix = true;
    rule.repeatable = true;
    c.options << rule;
    c.examples = {
        {QStringLiteral("airgatectl lint --path manifests --offline"),
         QStringLiteral("Check a workspace for an offline-mode cluster.")},
        {QStringLiteral("airgatectl lint --path manifests --format sarif -o lint.sarif"),
         QStringLiteral("Write a SARIF report for a code-scanning tool.")},
        {QStringLiteral("airgatectl lint --path manifests --rule.orphan=false "
                        "--rule.childless=false"),
         QStringLiteral("Switch two rules off.")},
    };
    return c;
}

CommandSpec exportSpec()
{
    CommandSpec c;
    c.name = QStringLiteral("export");
    c.summary = QStringLiteral("write kubectl-ready manifests");
    c.description = QStringLiteral(
        "Writes the workspace's resources in apply order, atomically, for kubectl or a GitOps "
        "repository. airgate.yaml is never exported. Refused while lint finds errors, unless "
        "--force.");
    c.options = {
        pathOption(QStringLiteral("Workspace folder to export."), true),
        valued(QStringLiteral("--out"), QStringLiteral("DIR"), ValueKind::Directory,
               QStringLiteral("Folder to write.")),
        choice(
            QStringLiteral("--layout"), QStringLiteral("LAYOUT"),
            {QStringLiteral("bundle"), QStringLiteral("namespaces"), QStringLiteral("kustomize")},
            QStringLiteral("bundle"),
            QStringLiteral("One file, one file per namespace, or a kustomization.")),
        flag(QStringLiteral("--force"), QStringLiteral("Export even when lint finds errors.")),
        flag(QStringLiteral("--offline"),
             QStringLiteral("Check with the offline-* rules before exporting.")),
    };
    c.options[1].required = true;
    c.exitStatus = QStringLiteral("0 written, 1 refused because lint found errors, 2 usage or "
                                  "I/O problem.");
    c.examples = {{QStringLiteral("airgatectl export --path manifests --out export --layout "
                                  "kustomize && kubectl apply -k export"),
                   QStringLiteral("Export as a kustomization and apply it.")}};
    return c;
}

CommandSpec importSpec()
{
    CommandSpec c;
    c.name = QStringLiteral("import");
    c.summary = QStringLiteral("turn kubectl get -o yaml|json output into workspace files");
    c.description = QStringLiteral(
        "Reads kubectl output (v1 List, typed lists, multi-document, single objects) into "
        "workspace files with server-set fields stripped. Unrelated kinds and unreferenced "
        "Secrets and ConfigMaps are skipped and listed; plaintext API keys are stored as their "
        "SHAKE256 digests. Resources already in the workspace are left alone when equal and are "
        "conflicts when they differ. A dump that cannot be read is an error with file:line:col "
        "and nothing is written.");
    c.options = {
        valued(QStringLiteral("--from"), QStringLiteral("FILE|DIR|-"), ValueKind::File,
               QStringLiteral("The dump: a file, a folder of dumps, or - for standard input.")),
        pathOption(QStringLiteral("Workspace folder to write into."), true),
        choice(QStringLiteral("--layout"), QStringLiteral("LAYOUT"),
               {QStringLiteral("namespaces"), QStringLiteral("kinds")},
               QStringLiteral("namespaces"),
               QStringLiteral("One file per namespace and kind, or per kind.")),
        flag(QStringLiteral("--force"),
             QStringLiteral("Replace resources that differ (in their own file only).")),
        flag(QStringLiteral("--prefer-last-applied"),
             QStringLiteral("Use each object's last-applied configuration when it has one.")),
        flag(QStringLiteral("--dry-run"),
             QStringLiteral("Say what would be written; write "
                            "nothing.")),
    };
    c.options[0].required = true;
    c.exitStatus = QStringLiteral("0 imported, 1 refused because of conflicts, 2 usage or I/O "
                                  "problem.");
    c.examples = {{QStringLiteral("kubectl get apis,apiauths,ingressroutes -A -o yaml | "
                                  "airgatectl import --from - --path manifests"),
                   QStringLiteral("Import what a cluster holds.")}};
    return c;
}

CommandSpec diffSpec()
{
    CommandSpec c;
    c.name = QStringLiteral("diff");
    c.summary = QStringLiteral("semantic diff per resource against a folder, dump, Git "
                               "revision or the gateway");
    c.description = QStringLiteral(
        "Compares resources, blind to formatting, key order, quoting, comments, files and "
        "server-set fields, and reports added, removed and changed resources with field paths "
        "and old -> new values. --against gateway asks the running gateway of the workspace for "
        "the manifests it serves.");
    c.options = {
        pathOption(QStringLiteral("Workspace folder."), false),
        valued(QStringLiteral("--against"), QStringLiteral("DIR|FILE|git:REV|gateway"),
               ValueKind::Directory,
               QStringLiteral("What to compare with: a folder, a kubectl dump, a Git revision "
                              "of the workspace's repository, or the running gateway.")),
        choice(QStringLiteral("--format"), QStringLiteral("FORMAT"),
               {QStringLiteral("unified"), QStringLiteral("json"), QStringLiteral("markdown")},
               QStringLiteral("unified"), QStringLiteral("Report format.")),
        valued(QStringLiteral("--state"), QStringLiteral("DIR"), ValueKind::Directory,
               QStringLiteral("State folder of the gateway to ask (--against gateway).")),
        valued(QStringLiteral("--admin"), QStringLiteral("HOST:PORT"), ValueKind::Text,
               QStringLiteral("Admin API of the gateway to ask, with --token-file.")),
        valued(QStringLiteral("--token-file"), QStringLiteral("FILE"), ValueKind::File,
               QStringLiteral("The admin token file of that gateway.")),
    };
    c.options[1].required = true;
    c.exitStatus = QStringLiteral("0 no differences, 1 differences, 2 usage or I/O problem.");
    c.examples = {{QStringLiteral("airgatectl diff --path manifests --against git:HEAD"),
                   QStringLiteral("What changed since the last commit, per resource.")},
                  {QStringLiteral("airgatectl diff --path manifests --against gateway"),
                   QStringLiteral("What the running gateway serves that the files no longer "
                                  "say.")}};
    return c;
}

CommandSpec migrateSpec()
{
    CommandSpec c;
    c.name = QStringLiteral("migrate");
    c.summary = QStringLiteral("rewrite stale fields and kinds to the current CRDs");
    c.description = QStringLiteral(
        "Finds fields and kinds from older Traefik Hub CRDs and documentation (APIPlan "
        "rateLimit.requests, ManagedSubscription applications[].appId, APIAuth jwt.jwksUrl, "
        "Traefik 2's traefik.containo.us group...) and prints the rewrite as a unified diff. "
        "With --write it changes only the affected lines, atomically (comments, quoting, key "
        "order and every other byte stay), then lints. A migration that needs a decision (what "
        "replaces an APIRateLimit, which bucket replaces user) is listed as "
        "file:line:col: needs a decision, never guessed. --list prints the catalogue.");
    c.options = {
        pathOption(QStringLiteral("Workspace folder to migrate."), false),
        flag(QStringLiteral("--write"),
             QStringLiteral("Write the changes, then lint; without it nothing is written.")),
        flag(QStringLiteral("--offline"),
             QStringLiteral("The workspace is for an offline cluster: JWKS URLs need their "
                            "content in jwt.jwksFile (listed), and lint uses the offline-* "
                            "rules.")),
        flag(QStringLiteral("--list"),
             QStringLiteral("Print the catalogue of migrations: id, kind, stale form, current "
                            "form, automatic or not, where the stale form comes from.")),
    };
    c.exitStatus = QStringLiteral("0 diff printed or written with no lint errors, 1 written "
                                  "but lint finds errors, 2 usage or I/O problem.");
    c.examples = {{QStringLiteral("airgatectl migrate --path manifests"),
                   QStringLiteral("Show what would change, as a unified diff.")},
                  {QStringLiteral("airgatectl migrate --path manifests --write"),
                   QStringLiteral("Rewrite the stale lines, then lint.")}};
    return c;
}

CommandSpec keySpec()
{
    CommandSpec hash;
    hash.name = QStringLiteral("key hash");
    hash.arguments = QStringLiteral("[KEY]");
    hash.argumentKind = ValueKind::Text;
    hash.summary = QStringLiteral("print the Secret value Traefik Hub expects for an API key");
    hash.description = QStringLiteral(
        "Prints the value of a Secret's data.key for KEY: base64 of the hex SHAKE256 digest "
        "(64-byte output). Reads KEY from standard input when it is omitted, so it stays out of "
        "the shell history.");
    hash.examples = {{QStringLiteral("airgatectl key hash secret-api-key"),
                      QStringLiteral("The digest Secret value for that key.")}};

    CommandSpec made;
    made.name = QStringLiteral("key new");
    made.summary = QStringLiteral("generate a key, print it once, store only its digest");
    made.description = QStringLiteral(
        "Generates a strong API key for a ManagedApplication, adds an apiKeys entry and a Secret "
        "holding only its digest to the application's file, and prints the key once on standard "
        "output. The key itself is stored nowhere.");
    made.options = {
        pathOption(QStringLiteral("Workspace folder."), true),
        valued(QStringLiteral("--namespace"), QStringLiteral("NS"), ValueKind::Text,
               QStringLiteral("Namespace of the application.")),
        valued(QStringLiteral("--app"), QStringLiteral("APP"), ValueKind::Text,
               QStringLiteral("ManagedApplication name.")),
        valued(QStringLiteral("--title"), QStringLiteral("TITLE"), ValueKind::Text,
               QStringLiteral("Title of the key, shown in the developer portal.")),
    };
    made.options[1].shortName = QStringLiteral("-n");
    made.options[1].required = true;
    made.options[2].required = true;
    made.examples = {{QStringLiteral("airgatectl key new --path manifests -n apps --app "
                                     "partner-app --title \"CI key\""),
                      QStringLiteral("A new key for apps/partner-app.")}};

    CommandSpec c;
    c.name = QStringLiteral("key");
    c.summary = QStringLiteral("API key digests: hash or new");
    c.subcommands = {hash, made};
    return c;
}

CommandSpec serveSpec()
{
    CommandSpec c;
    c.name = QStringLiteral("serve");
    c.summary = QStringLiteral("run the local gateway on the workspace");
    c.description = QStringLiteral(
        "Serves the workspace: its APIs on the entry points of airgate.yaml (or --listen), the "
        "developer portal, and the admin API on loopback with a bearer token. Prints one JSON "
        "line on standard output when ready. Watches the workspace and reloads on change; a "
        "workspace that fails to compile keeps the last good configuration serving. SIGINT and "
        "SIGTERM drain in-flight requests and exit 0; SIGHUP reloads.\n\n"
        "Under systemd (Type=notify) it reports READY=1 once listening, RELOADING=1 and READY=1 "
        "around each reload, and STOPPING=1 when draining. Refuses to start (exit 2) when "
        "another process listens on one of its addresses or another gateway serves from the "
        "same state folder.");
    c.options = {
        pathOption(QStringLiteral("Workspace folder to serve."), false),
        valued(QStringLiteral("--listen"), QStringLiteral("NAME=HOST:PORT"), ValueKind::Text,
               QStringLiteral("Serve entry point NAME on HOST:PORT instead of the address in "
                              "airgate.yaml (port 0: any free port).")),
        valued(QStringLiteral("--admin"), QStringLiteral("HOST:PORT"), ValueKind::Text,
               QStringLiteral("Admin API address (default: loopback, any free port). The admin "
                              "API speaks plain HTTP: any other address is refused (exit 2) "
                              "without --admin-insecure-remote.")),
        flag(QStringLiteral("--admin-insecure-remote"),
             QStringLiteral("Let --admin listen on a non-loopback address, its bearer token "
                            "and answers in clear on the network.")),
        valued(QStringLiteral("--threads"), QStringLiteral("N"), ValueKind::Text,
               QStringLiteral("Worker threads, 1 to 64 (default: one per core).")),
        valued(QStringLiteral("--state"), QStringLiteral("DIR"), ValueKind::Directory,
               QStringLiteral("State folder: admin token, access log, quota counters, last good "
                              "configuration (default: one per workspace under the user's data "
                              "folder).")),
        flag(QStringLiteral("--no-watch"), QStringLiteral("Do not reload when files change.")),
        valued(QStringLiteral("--ready-fd"), QStringLiteral("N"), ValueKind::Text,
               QStringLiteral("Also write the ready line to file descriptor N, then close it.")),
        flag(QStringLiteral("--exit-with-parent"),
             QStringLiteral("Drain and exit when the process that started it ends (Linux "
                            "PR_SET_PDEATHSIG) or closes its standard input.")),
        choice(QStringLiteral("--log-level"), QStringLiteral("LEVEL"),
               {QStringLiteral("debug"), QStringLiteral("info"), QStringLiteral("warning"),
                QStringLiteral("error")},
               QStringLiteral("info"),
               QStringLiteral("Least severe message written to standard error (categories "
                              "airgate.gateway, airgate.http, airgate.config, airgate.filters, "
                              "airgate.upstream, airgate.portal, airgate.admin).")),
        choice(QStringLiteral("--log-format"), QStringLiteral("FORMAT"),
               {QStringLiteral("text"), QStringLiteral("json")}, QStringLiteral("text"),
               QStringLiteral("One line per message: text, or one JSON object with time, level, "
                              "category and message.")),
    };
    c.options[1].repeatable = true;
    c.exitStatus = QStringLiteral("0 after SIGINT or SIGTERM, 2 when it cannot start (an "
                                  "address in use, a state folder in use, --admin off loopback "
                                  "without --admin-insecure-remote).");
    c.examples = {
        {QStringLiteral("airgatectl serve --path /usr/share/airgate/examples/weather --state "
                        "/tmp/st"),
         QStringLiteral("Serve the example on the entry points of its airgate.yaml.")},
        {QStringLiteral("airgatectl serve --path ws --listen web=127.0.0.1:0 --admin "
                        "127.0.0.1:0 --threads 2"),
         QStringLiteral("Serve on free ports, e.g. in CI.")},
    };
    return c;
}

CommandSpec versionSpec()
{
    CommandSpec c;
    c.name = QStringLiteral("version");
    c.summary = QStringLiteral("print the version, Git commit and library and CRD versions");
    c.options = {flag(QStringLiteral("--json"), QStringLiteral("Print one JSON object."))};
    return c;
}

CommandSpec helpSpec()
{
    CommandSpec c;
    c.name = QStringLiteral("help");
    c.arguments = QStringLiteral("[COMMAND]");
    c.argumentKind = ValueKind::Choice;
    c.argumentChoices
        = {QStringLiteral("lint"),  QStringLiteral("export"),  QStringLiteral("import"),
           QStringLiteral("diff"),  QStringLiteral("migrate"), QStringLiteral("key"),
           QStringLiteral("serve"), QStringLiteral("version"), QStringLiteral("completion")};
    c.summary = QStringLiteral("print the usage of a command");
    c.options = {flag(QStringLiteral("--man"),
                      QStringLiteral("Print this manual page in scdoc(5) markup, the source of "
                                     "airgatectl(1)."))};
    return c;
}

CommandSpec completionSpec()
{
    CommandSpec c;
    c.name = QStringLiteral("completion");
    c.arguments = QStringLiteral("SHELL");
    c.argumentKind = ValueKind::Choice;
    c.argumentChoices = {QStringLiteral("bash"), QStringLiteral("zsh"), QStringLiteral("fish")};
    c.summary = QStringLiteral("print the shell completion script for bash, zsh or fish");
    c.description = QStringLiteral(
        "The packages install these scripts where each shell looks for them; this prints the "
        "same script for a shell started from a build folder.");
    c.examples = {{QStringLiteral("source <(airgatectl completion bash)"),
                   QStringLiteral("Complete airgatectl in the current bash.")}};
    return c;
}

ProgramSpec makeSpec()
{
    ProgramSpec p;
    p.name = QStringLiteral("airgatectl");
    p.summary = QStringLiteral("lint, import, diff, migrate, export, key and serve Traefik Hub "
                               "API Management workspaces, offline");
    p.description = QStringLiteral(
        "airgatectl checks Traefik Hub API Management manifests (API, APIAuth, APIPortal, "
        "APIPlan, APICatalogItem, ManagedApplication, ManagedSubscription, IngressRoute, "
        "Secret...) the way the Kubernetes API server and Traefik's static analyzer would, "
        "writes kubectl-ready output, manages API key digests, and serves a workspace on a local "
        "gateway. It needs no cluster, no account and no network.\n\n"
        "A workspace is a folder of manifests. airgate.yaml at its root holds what only the "
        "workstation or server knows: entry point addresses, where each Kubernetes Service "
        "really lives (a URL, or mock: an OpenAPI file), local OpenAPI and JWKS copies, limits.");
    p.commands = {lintSpec(), exportSpec(), importSpec(),  diffSpec(), migrateSpec(),
                  keySpec(),  serveSpec(),  versionSpec(), helpSpec(), completionSpec()};
    p.exitStatus = {
        {0, QStringLiteral("no errors"),
         QStringLiteral("No errors (lint), written (export), stopped by a signal (serve).")},
        {1, QStringLiteral("errors found"),
         QStringLiteral("Errors found (lint, migrate --write), differences (diff), "
                        "export or import refused.")},
        {2, QStringLiteral("usage or I/O problem"),
         QStringLiteral("Usage or I/O problem, or the gateway could not start.")},
    };
    p.environment = {
        {QStringLiteral("NOTIFY_SOCKET"),
         QStringLiteral("Set by systemd for a Type=notify service: serve reports its state "
                        "there (sd_notify(3)).")},
        {QStringLiteral("QT_LOGGING_RULES"),
         QStringLiteral("Qt logging filter, e.g. airgate.*.debug=true for debug output.")},
    };
    p.files = {
        {QStringLiteral("WORKSPACE/airgate.yaml"),
         QStringLiteral("Local settings of a workspace; never exported, never linted as a "
                        "manifest.")},
        {QStringLiteral("~/.local/share/Airgate/airgatectl/state/ID/"),
         QStringLiteral("Default state folder of serve, one per workspace: admin.token, "
                        "access.log, quota.json, last-good/, gateway.pid.")},
        {QStringLiteral("/etc/airgate/NAME/"),
         QStringLiteral("Workspace served by airgate-gateway@NAME.service; "
                        "airgate-gateway.service serves /etc/airgate/default/.")},
        {QStringLiteral("/var/lib/airgate/"),
         QStringLiteral("State of the systemd services (StateDirectory=).")},
        {QStringLiteral("/usr/share/airgate/examples/weather/"),
         QStringLiteral("The example workspace.")},
    };
    p.examples = {
        {QStringLiteral("airgatectl lint --path /usr/share/airgate/examples/weather --offline"),
         QStringLiteral("Check the example.")},
        {QStringLiteral("systemctl enable --now airgate-gateway@weather"),
         QStringLiteral("Serve /etc/airgate/weather/ as a service; systemctl reload sends "
                        "SIGHUP.")},
    };
    p.seeAlso = {QStringLiteral("airgate(1)"), QStringLiteral("systemd.service(5)"),
                 QStringLiteral("kubectl(1)")};
    return p;
}

} // namespace

QList<std::pair<QString, QString>> lintRules()
{
    QList<std::pair<QString, QString>> out;
    for (const RuleInfo &r : Validator::rules())
        out.append(
            {r.name,
             r.offlineOnly ? r.description + QStringLiteral(" (with --offline)") : r.description});
    return out;
}

const ProgramSpec &airgatectlSpec()
{
    static const ProgramSpec spec = makeSpec();
    return spec;
}

} // namespace Airgate::Cli
