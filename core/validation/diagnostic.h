// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QList>
#include <QString>

namespace Airgate {

/**
 * @brief One finding about the workspace: where (file:line:col and the resource and
 * field), what is wrong, which rule found it, and optionally what would be right.
 */
struct Diagnostic
{
    enum class Severity { Error, Warning, Info };

    Severity severity = Severity::Error;
    QString rule; ///< "yaml", "resource", "reference", ... "offline-auth"
    QString message; ///< Kubernetes text form where the cluster would say it
    QString file; ///< path relative to the workspace root
    int line = 0; ///< 1-based, 0 when unknown
    int column = 0; ///< 1-based character column
    QString kind;
    QString ns;
    QString name;
    QString field; ///< "spec.jwt.jwksUrl"
    QString hint; ///< a suggestion, never part of the cluster's message

    bool isError() const { return severity == Severity::Error; }
    static QString severityName(Severity s);
};

using Diagnostics = QList<Diagnostic>;

/** Stable order for output: file, line, column, then rule and message. */
void sortDiagnostics(Diagnostics &diagnostics);

} // namespace Airgate
