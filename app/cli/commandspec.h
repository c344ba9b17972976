// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QList>
#include <QString>
#include <QStringList>

#include <utility>

namespace Airgate::Cli {

/** What an option's or argument's value is, so completions can offer the right things. */
enum class ValueKind {
    None, ///< a flag: no value
    Directory,
    File,
    Choice, ///< one of OptionSpec::choices
    Text, ///< free text: nothing to complete
};

/** @brief One option of a command, as `--help`, the man page and the completions show it. */
struct OptionSpec
{
    QString name; ///< "--path"; for a prefix option the part before NAME ("--rule.")
    QString shortName; ///< "-n", or empty
    QString metavar; ///< "DIR", empty for a flag
    ValueKind kind = ValueKind::None;
    QStringList choices;
    QString help; ///< one or two plain sentences
    QString defaultValue;
    bool repeatable = false;
    bool required = false;
    /// `--rule.NAME=BOOL`: one option per validation rule, named after it.
    bool rulePrefix = false;

    /** @return how the synopsis writes it, e.g. `--path DIR`, `-o, --output FILE`. */
    QString label() const;
};

/** @brief A usage example: a command line and what it does. */
struct ExampleSpec
{
    QString command;
    QString what;
};

/**
 * @brief One `airgatectl` command: the single source of its `--help`, of airgatectl(1) and of
 * the bash, zsh and fish completions, and the list of options Args accepts for it, so the
 * three cannot drift from the code (Args aborts on an option the spec does not declare).
 */
struct CommandSpec
{
    QString name; ///< "lint", or "key new" for a subcommand
    QString arguments; ///< positional synopsis, e.g. "[KEY]"
    ValueKind argumentKind = ValueKind::None;
    QStringList argumentChoices;
    QString summary; ///< one line, lower case, no full stop
    QString description; ///< paragraphs separated by blank lines
    QList<OptionSpec> options;
    QList<CommandSpec> subcommands;
    QString exitStatus; ///< when it differs from the program's
    QList<ExampleSpec> examples;

    /** @return the option called @p name (long or short form), or nullptr. */
    const OptionSpec *option(const QString &name) const;
    /** @return the last word of name ("new" for "key new"). */
    QString word() const { return name.section(u' ', -1); }
    /** @return the one-line synopsis without "airgatectl"; @p join separates the words inside
        one option (a no-break space keeps `[--output FILE]` on one line when wrapping). */
    QString synopsis(QChar join = u' ') const;
};

/** @brief One exit status: its code, a few words for `--help`, a sentence for the man page. */
struct ExitSpec
{
    int code = 0;
    QString brief;
    QString meaning;
};

/** @brief The program: commands plus the man page's shared sections. */
struct ProgramSpec
{
    QString name;
    QString summary;
    QString description;
    QList<CommandSpec> commands;
    QList<ExitSpec> exitStatus;
    QList<std::pair<QString, QString>> environment; ///< variable, meaning
    QList<std::pair<QString, QString>> files; ///< path, meaning
    QList<ExampleSpec> examples;
    QStringList seeAlso;

    /** @return the command or subcommand named @p name ("lint", "key new"), or nullptr. */
    const CommandSpec *command(const QString &name) const;
};

/** The airgatectl commands, options, files and examples. */
const ProgramSpec &airgatectlSpec();

/** The validation rules `--rule.NAME=` switches, as (name, description), from the Validator. */
QList<std::pair<QString, QString>> lintRules();

} // namespace Airgate::Cli
