// SPDX-License-Identifier: Apache-2.0
#include "helptext.h"

#include <QRegularExpression>

namespace Airgate::Cli {

namespace {

/// Column where option help starts in terminal usage.
constexpr int kHelpColumn = 26;

QString capitalised(const QString &s)
{
    return s.isEmpty() ? s : s.left(1).toUpper() + s.mid(1);
}

/** A two-column row: @p label, then @p text wrapped at kHelpColumn (on the next line when the
    label is too wide). */
QString row(const QString &label, const QString &text)
{
    const QString first = QStringLiteral("  ") + label;
    const QString body = HelpText::wrap(text, kHelpColumn).mid(kHelpColumn);
    if (first.size() + 2 <= kHelpColumn)
        return first.leftJustified(kHelpColumn) + body;
    return first + u'\n' + QString(kHelpColumn, u' ') + body;
}

/** @return the option's help with its choices and default, as one sentence list. */
QString optionHelp(const OptionSpec &o)
{
    QString h = o.help;
    if (o.kind == ValueKind::Choice && !o.rulePrefix)
        h += QStringLiteral(" One of: ") + o.choices.join(QStringLiteral(", ")) + u'.';
    if (!o.defaultValue.isEmpty())
        h += QStringLiteral(" [default: ") + o.defaultValue + u']';
    if (o.required)
        h += QStringLiteral(" Required.");
    if (o.repeatable)
        h += QStringLiteral(" Repeatable.");
    return h;
}

void appendOptionLines(QString &out, const QList<OptionSpec> &options)
{
    for (const OptionSpec &o : options)
        out += row(o.label(), optionHelp(o));
}

/** An option as scdoc writes it: bold name, underlined metavariable. */
QString scdocOption(const OptionSpec &o)
{
    QString s = u'*' + HelpText::scdocEscape(o.name) + u'*';
    if (o.rulePrefix)
        return s + QStringLiteral("_NAME_=_") + o.metavar + u'_';
    if (!o.metavar.isEmpty())
        s += QStringLiteral(" _") + HelpText::scdocEscape(o.metavar) + u'_';
    return s;
}

/** scdoc synopsis of a command: bold words, underlined metavariables. */
QString scdocSynopsis(const ProgramSpec &program, const CommandSpec &c)
{
    QString s = u'*' + program.name + u' ' + c.name + u'*';
    for (const OptionSpec &o : c.options) {
        QString p = scdocOption(o);
        if (!o.required)
            p = u'[' + p + u']';
        if (o.repeatable)
            p += QStringLiteral("...");
        s += u' ' + p;
    }
    if (!c.arguments.isEmpty())
        s += u' ' + HelpText::scdocEscape(c.arguments);
    return s;
}

void appendScdocOptions(QString &out, const CommandSpec &c)
{
    for (const OptionSpec &o : c.options) {
        QString term;
        if (!o.shortName.isEmpty())
            term = u'*' + o.shortName + QStringLiteral("*, ");
        term += scdocOption(o);
        out += term + QStringLiteral("\n\t") + HelpText::scdocEscape(optionHelp(o))
            + QStringLiteral("\n\n");
    }
}

void appendScdocCommand(QString &out, const ProgramSpec &program, const CommandSpec &c)
{
    if (!c.subcommands.isEmpty()) {
        for (const CommandSpec &s : c.subcommands)
            appendScdocCommand(out, program, s);
        return;
    }
    out += QStringLiteral("## ") + program.name + u' ' + c.name + QStringLiteral("\n\n");
    out += scdocSynopsis(program, c) + QStringLiteral("\n\n");
    out += HelpText::scdocEscape(capitalised(c.summary)) + QStringLiteral(".");
    if (!c.description.isEmpty())
        out += u' ' + HelpText::scdocEscape(c.description);
    out += QStringLiteral("\n\n");
    appendScdocOptions(out, c);
    if (!c.exitStatus.isEmpty())
        out += QStringLiteral("Exit status: ") + HelpText::scdocEscape(c.exitStatus)
            + QStringLiteral("\n\n");
}

} // namespace

QString HelpText::wrap(const QString &text, int indent, int width)
{
    // ASCII blanks only: a no-break space holds words together.
    static const QRegularExpression kBlanks(QStringLiteral("[ \\t\\n]+"));
    QString out;
    const QStringList paragraphs = text.split(QStringLiteral("\n\n"));
    for (qsizetype p = 0; p < paragraphs.size(); ++p) {
        if (p > 0)
            out += u'\n';
        QString line;
        for (const QString &word : paragraphs[p].split(kBlanks, Qt::SkipEmptyParts)) {
            if (!line.isEmpty() && indent + line.size() + 1 + word.size() > width) {
                out += QString(indent, u' ') + line + u'\n';
                line.clear();
            }
            line += (line.isEmpty() ? QString() : QStringLiteral(" ")) + word;
        }
        if (!line.isEmpty())
            out += QString(indent, u' ') + line + u'\n';
    }
    return out;
}

QString HelpText::scdocEscape(const QString &text)
{
    QString out;
    out.reserve(text.size());
    for (const QChar c : text) {
        if (c == u'\\' || c == u'*' || c == u'_')
            out += u'\\';
        out += c;
    }
    return out;
}

QString HelpText::programUsage(const ProgramSpec &program)
{
    QString out = QStringLiteral("usage: ") + program.name
        + QStringLiteral(" <command> [options]\n\n") + wrap(capitalised(program.summary) + u'.', 0)
        + QStringLiteral("\ncommands:\n");
    for (const CommandSpec &c : program.commands) {
        const QList<CommandSpec> rows
            = c.subcommands.isEmpty() ? QList<CommandSpec> {c} : c.subcommands;
        for (const CommandSpec &r : rows) {
            out += row(r.arguments.isEmpty() ? r.name : r.name + u' ' + r.arguments, r.summary);
        }
    }
    out += u'\n'
        + wrap(QStringLiteral("Run \"%1 help COMMAND\" or \"%1 COMMAND --help\" for a command's "
                              "options, \"man %1\" for everything.")
                   .arg(program.name),
               0);
    QStringList codes;
    for (const ExitSpec &e : program.exitStatus)
        codes << QString::number(e.code) + u' ' + e.brief;
    out += QStringLiteral("\nexit status: ") + codes.join(QStringLiteral(", ")) + u'\n';
    return out;
}

QString HelpText::commandUsage(const ProgramSpec &program, const CommandSpec &c)
{
    if (!c.subcommands.isEmpty()) {
        QString out;
        for (const CommandSpec &s : c.subcommands)
            out += (out.isEmpty() ? QStringLiteral("usage: ") : QStringLiteral("       "))
                + program.name + u' ' + s.synopsis() + u'\n';
        out += u'\n';
        for (const CommandSpec &s : c.subcommands)
            out += row(s.name, s.summary);
        out += u'\n'
            + wrap(QStringLiteral("Run \"%1 %2 SUBCOMMAND --help\" for its options.")
                       .arg(program.name, c.name),
                   0);
        return out;
    }
    // Continuation lines of the synopsis line up after "usage: airgatectl ".
    const QString head = QStringLiteral("usage: ") + program.name + u' ';
    QString out = head
        + wrap(c.synopsis(QChar::Nbsp), int(head.size()))
              .mid(head.size())
              .replace(QChar::Nbsp, u' ');
    out += u'\n' + wrap(capitalised(c.summary) + u'.', 0);
    if (!c.description.isEmpty())
        out += u'\n' + wrap(c.description, 0);
    if (!c.options.isEmpty()) {
        out += QStringLiteral("\noptions:\n");
        appendOptionLines(out, c.options);
    }
    for (const OptionSpec &o : c.options) {
        if (!o.rulePrefix)
            continue;
        out += QStringLiteral("\nrules (") + o.name
            + QStringLiteral("NAME=false switches one "
                             "off):\n");
        for (const auto &[name, what] : lintRules())
            out += row(name, what);
    }
    if (!c.exitStatus.isEmpty())
        out += u'\n' + wrap(QStringLiteral("exit status: ") + c.exitStatus, 0);
    if (!c.examples.isEmpty()) {
        out += QStringLiteral("\nexamples:\n");
        for (const ExampleSpec &e : c.examples)
            out += QStringLiteral("  ") + e.command + u'\n' + wrap(e.what, 6);
    }
    return out;
}

QString HelpText::manPage(const ProgramSpec &program, const QString &version)
{
    QString out = program.name + QStringLiteral("(1) \"Airgate ") + version
        + QStringLiteral("\" \"Airgate Manual\"\n\n");
    out += QStringLiteral("# NAME\n\n") + program.name + QStringLiteral(" - ")
        + scdocEscape(program.summary) + QStringLiteral("\n\n");
    out += QStringLiteral("# SYNOPSIS\n\n");
    for (const CommandSpec &c : program.commands) {
        const QList<CommandSpec> rows
            = c.subcommands.isEmpty() ? QList<CommandSpec> {c} : c.subcommands;
        for (const CommandSpec &r : rows)
            out += u'*' + program.name + u' ' + r.name + u'*'
                + (r.arguments.isEmpty() ? QString() : u' ' + scdocEscape(r.arguments))
                + (r.options.isEmpty() ? QString() : QStringLiteral(" [_options_]"))
                + QStringLiteral("\n\n");
    }
    out += QStringLiteral("# DESCRIPTION\n\n") + scdocEscape(program.description)
        + QStringLiteral("\n\n");
    out += QStringLiteral("# COMMANDS\n\n");
    for (const CommandSpec &c : program.commands)
        appendScdocCommand(out, program, c);
    out += QStringLiteral("# RULES\n\nThe validation rules of *lint*, each switched off with "
                          "*--rule.*_NAME_*=false*:\n\n");
    for (const auto &[name, what] : lintRules())
        out += u'*' + scdocEscape(name) + QStringLiteral("*\n\t") + scdocEscape(what)
            + QStringLiteral(".\n\n");
    out += QStringLiteral("# EXIT STATUS\n\n");
    for (const ExitSpec &e : program.exitStatus)
        out += u'*' + QString::number(e.code) + QStringLiteral("*\n\t") + scdocEscape(e.meaning)
            + QStringLiteral("\n\n");
    out += QStringLiteral("# ENVIRONMENT\n\n");
    for (const auto &[name, meaning] : program.environment)
        out += u'*' + scdocEscape(name) + QStringLiteral("*\n\t") + scdocEscape(meaning)
            + QStringLiteral("\n\n");
    out += QStringLiteral("# FILES\n\n");
    for (const auto &[path, meaning] : program.files)
        out += u'_' + scdocEscape(path) + QStringLiteral("_\n\t") + scdocEscape(meaning)
            + QStringLiteral("\n\n");
    out += QStringLiteral("# EXAMPLES\n\n");
    QList<ExampleSpec> examples;
    for (const CommandSpec &c : program.commands) {
        examples += c.examples;
        for (const CommandSpec &s : c.subcommands)
            examples += s.examples;
    }
    examples += program.examples;
    for (const ExampleSpec &e : examples)
        out += QStringLiteral("*") + scdocEscape(e.command) + QStringLiteral("*\n\t")
            + scdocEscape(e.what) + QStringLiteral("\n\n");
    out += QStringLiteral("# SEE ALSO\n\n");
    QStringList refs;
    for (const QString &s : program.seeAlso)
        refs << u'*' + scdocEscape(s.section(u'(', 0, 0)) + u'*' + u'(' + s.section(u'(', 1);
    out += refs.join(QStringLiteral(", ")) + u'\n';
    return out;
}

} // namespace Airgate::Cli
