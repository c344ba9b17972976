// SPDX-License-Identifier: Apache-2.0
#include "cliargs.h"
#include "commandspec.h"
#include "completion.h"
#include "helptext.h"

namespace Airgate::Cli {

int helpCommand(Args &args)
{
    const bool man = args.flag(QStringLiteral("--man"));
    if (auto u = args.unknownOption()) {
        err() << "airgatectl help: unknown option " << *u << '\n';
        return ExitUsage;
    }
    const ProgramSpec &program = airgatectlSpec();
    if (man) {
        out() << HelpText::manPage(program, QStringLiteral(AIRGATE_VERSION));
        return ExitOk;
    }
    const QStringList words = args.positionals();
    if (words.isEmpty()) {
        out() << HelpText::programUsage(program);
        return ExitOk;
    }
    const CommandSpec *c = program.command(words.join(u' '));
    if (!c) {
        err() << "airgatectl help: unknown command \"" << words.join(u' ') << "\"\n";
        return ExitUsage;
    }
    out() << HelpText::commandUsage(program, *c);
    return ExitOk;
}

int completionCommand(Args &args)
{
    const QStringList words = args.positionals();
    if (auto u = args.unknownOption()) {
        err() << "airgatectl completion: unknown option " << *u << '\n';
        return ExitUsage;
    }
    if (words.size() != 1 || !Completion::shells().contains(words.first())) {
        err() << "usage: airgatectl completion " << Completion::shells().join(u'|') << '\n';
        return ExitUsage;
    }
    out() << Completion::script(airgatectlSpec(), words.first());
    return ExitOk;
}

} // namespace Airgate::Cli
