// SPDX-License-Identifier: Apache-2.0
// airgatectl: lint, export, key and serve for Traefik Hub workspaces, in CI and on servers.
#include "cliargs.h"

#include <QCoreApplication>

#include <string_view>

using namespace Airgate::Cli;

namespace {

void usage(QTextStream &s)
{
    s << "usage: airgatectl <command> [options]\n\n"
         "commands:\n"
         "  lint    --path DIR [--offline] [--format unix|json|checkstyle|sarif|junit] "
         "[--rule.NAME=false]\n"
         "          [--timings]\n"
         "          check manifests as the cluster and Traefik's static analyzer would\n"
         "          (--timings: milliseconds per load phase and per rule, on stderr)\n"
         "  export  --path DIR --out DIR [--layout bundle|namespaces|kustomize] [--force]\n"
         "          write kubectl-ready manifests (refused while lint finds errors, unless "
         "--force)\n"
         "  import  --from FILE|DIR|- --path DIR [--layout namespaces|kinds] [--force]\n"
         "          [--prefer-last-applied] [--dry-run]\n"
         "          turn `kubectl get -o yaml|json` output into workspace files (server fields "
         "stripped)\n"
         "  diff    --path DIR --against DIR|FILE|git:REV|gateway [--format "
         "unified|json|markdown]\n"
         "          semantic diff per resource; exit 0 none, 1 differences, 2 error\n"
         "  key     hash [KEY]                     print the Secret value for an API key (stdin "
         "when KEY is omitted)\n"
         "          new --path DIR -n NS --app APP [--title T]\n"
         "                                         generate a key, print it once, store only its "
         "digest\n"
         "  serve   --path DIR [--listen NAME=HOST:PORT]... [--admin HOST:PORT] [--threads N] "
         "[--state DIR]\n"
         "          run the local gateway on the workspace\n"
         "  version print the version\n\n"
         "exit status: 0 no errors, 1 errors found, 2 usage or I/O problem\n";
}

} // namespace

int main(int argc, char **argv)
{
    // The gateway needs no GLib integration; Qt's own poll dispatcher costs less per socket event.
    if (argc > 1 && std::string_view(argv[1]) == "serve")
        qputenv("QT_NO_GLIB", "1");
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("airgatectl"));
    QCoreApplication::setOrganizationName(QStringLiteral("Airgate"));
    QCoreApplication::setApplicationVersion(QStringLiteral(AIRGATE_VERSION));
    QStringList args = QCoreApplication::arguments().mid(1);
    if (args.isEmpty() || args.first() == QLatin1StringView("help")
        || args.first() == QLatin1StringView("--help") || args.first() == QLatin1StringView("-h")) {
        usage(args.isEmpty() ? err() : out());
        return args.isEmpty() ? ExitUsage : ExitOk;
    }
    const QString command = args.takeFirst();
    Args rest(args);
    if (command == QLatin1StringView("lint"))
        return lintCommand(rest);
    if (command == QLatin1StringView("export"))
        return exportCommand(rest);
    if (command == QLatin1StringView("import"))
        return importCommand(rest);
    if (command == QLatin1StringView("diff"))
        return diffCommand(rest);
    if (command == QLatin1StringView("key"))
        return keyCommand(rest);
    if (command == QLatin1StringView("serve"))
        return serveCommand(rest);
    if (command == QLatin1StringView("version") || command == QLatin1StringView("--version"))
        return versionCommand(rest);
    err() << "airgatectl: unknown command \"" << command << "\"\n\n";
    usage(err());
    return ExitUsage;
}
