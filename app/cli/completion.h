// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "commandspec.h"

namespace Airgate::Cli {

/**
 * @brief Shell completion scripts generated from the command specs: commands, subcommands,
 * options, their values (choices, folders, files) and one `--rule.NAME=` per validation rule.
 */
class Completion
{
public:
    /** The shells scripts exist for. */
    static QStringList shells();
    /** @return the script for @p shell (bash, zsh or fish), or an empty string. */
    static QString script(const ProgramSpec &program, const QString &shell);

private:
    static QString bash(const ProgramSpec &program);
    static QString zsh(const ProgramSpec &program);
    static QString fish(const ProgramSpec &program);
};

} // namespace Airgate::Cli
