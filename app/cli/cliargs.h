// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QString>
#include <QStringList>
#include <QTextStream>

#include <optional>

namespace Airgate::Cli {
struct CommandSpec;
}

namespace Airgate::Cli {

/// Exit codes shared by every command.
enum ExitCode { ExitOk = 0, ExitFindings = 1, ExitUsage = 2 };

/**
 * @brief Minimal argument reader: `--name value`, `--name=value`, flags, positionals.
 *
 * Once declare()d with its command's spec, asking for an option the spec does not list is a
 * programming error and aborts, naming the option: `--help`, airgatectl(1) and the shell
 * completions are generated from the spec, so an option must be added there to exist at all.
 */
class Args
{
public:
    explicit Args(QStringList args)
        : m_args(std::move(args))
    {
    }

    /** Checks every option asked for against @p spec from now on (nullptr: no checks). */
    void declare(const CommandSpec *spec) { m_spec = spec; }

    /** Removes and returns the value of an option given as `--name v` or `--name=v` (or `-n v`). */
    std::optional<QString> take(const QString &name, const QString &shortName = {});
    /** Removes every value of a repeatable option. */
    QStringList takeAll(const QString &name);
    /** Removes a boolean flag; @return whether it was present. */
    bool flag(const QString &name);
    /** Removes options starting with @p prefix (e.g. "--rule.") and returns them whole. */
    QStringList takePrefixed(const QString &prefix);
    /** What is left once options are taken; unknown options are reported by rest(). */
    QStringList positionals() const;
    /** @return the first leftover option, if any (an unknown option). */
    std::optional<QString> unknownOption() const;
    std::optional<QString> error() const { return m_error; }

private:
    void checkDeclared(const QString &name, bool prefix = false) const;

    QStringList m_args;
    const CommandSpec *m_spec = nullptr;
    std::optional<QString> m_error;
};

QTextStream &out();
QTextStream &err();

int lintCommand(Args &args);
int exportCommand(Args &args);
int importCommand(Args &args);
int diffCommand(Args &args);
int migrateCommand(Args &args);
int keyCommand(Args &args);
int serveCommand(Args &args);
int versionCommand(Args &args);
int helpCommand(Args &args);
int completionCommand(Args &args);

} // namespace Airgate::Cli
