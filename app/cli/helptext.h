// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "commandspec.h"

namespace Airgate::Cli {

/**
 * @brief Renders the command specs as text: `airgatectl --help`, `airgatectl CMD --help`, and
 * the airgatectl(1) manual page in scdoc(5) markup (the build turns it into roff with scdoc).
 */
class HelpText
{
public:
    /** The program's usage: commands with their summaries, exit status. */
    static QString programUsage(const ProgramSpec &program);
    /** One command's usage: synopsis, description, options, exit status, examples. */
    static QString commandUsage(const ProgramSpec &program, const CommandSpec &command);
    /** The whole manual page, in scdoc(5) markup. */
    static QString manPage(const ProgramSpec &program, const QString &version);

    /** Wraps @p text at @p width columns, every line indented by @p indent spaces. */
    static QString wrap(const QString &text, int indent, int width = 79);
    /** Escapes scdoc's markup characters (`\`, `*`, `_`) in plain text. */
    static QString scdocEscape(const QString &text);
};

} // namespace Airgate::Cli
