// SPDX-License-Identifier: Apache-2.0
// airgatectl: lint, export, import, diff, migrate, key and serve for Traefik Hub workspaces, in CI
// and on servers.
#include "cliargs.h"
#include "commandspec.h"
#include "helptext.h"

#include <QCoreApplication>

#include <string_view>

using namespace Airgate::Cli;

namespace {

/** @return whether @p args ask for help (before a "--"). */
bool asksForHelp(const QStringList &args)
{
    for (const QString &a : args) {
        if (a == QLatin1StringView("--"))
            return false;
        if (a == QLatin1StringView("--help") || a == QLatin1StringView("-h"))
            return true;
    }
    return false;
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
    const ProgramSpec &program = airgatectlSpec();
    if (args.isEmpty()) {
        err() << HelpText::programUsage(program);
        return ExitUsage;
    }
    if (args.first() == QLatin1StringView("--help") || args.first() == QLatin1StringView("-h")) {
        out() << HelpText::programUsage(program);
        return ExitOk;
    }
    QString command = args.takeFirst();
    if (command == QLatin1StringView("--version"))
        command = QStringLiteral("version");
    const CommandSpec *spec = program.command(command);
    if (!spec || command.contains(u' ')) {
        err() << "airgatectl: unknown command \"" << command << "\"\n\n"
              << HelpText::programUsage(program);
        return ExitUsage;
    }
    Args rest(args);
    // A command with subcommands ("key new") takes the subcommand's options.
    if (!spec->subcommands.isEmpty() && !rest.positionals().isEmpty()) {
        if (const CommandSpec *sub = program.command(command + u' ' + rest.positionals().first()))
            spec = sub;
    }
    if (asksForHelp(args)) {
        out() << HelpText::commandUsage(program, *spec);
        return ExitOk;
    }
    rest.declare(spec);
    if (command == QLatin1StringView("lint"))
        return lintCommand(rest);
    if (command == QLatin1StringView("export"))
        return exportCommand(rest);
    if (command == QLatin1StringView("import"))
        return importCommand(rest);
    if (command == QLatin1StringView("diff"))
        return diffCommand(rest);
    if (command == QLatin1StringView("migrate"))
        return migrateCommand(rest);
    if (command == QLatin1StringView("key"))
        return keyCommand(rest);
    if (command == QLatin1StringView("serve"))
        return serveCommand(rest);
    if (command == QLatin1StringView("version"))
        return versionCommand(rest);
    if (command == QLatin1StringView("help"))
        return helpCommand(rest);
    if (command == QLatin1StringView("completion"))
        return completionCommand(rest);
    qFatal("airgatectl: command %s is in the spec but has no implementation", qPrintable(command));
}
