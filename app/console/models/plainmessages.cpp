// SPDX-License-Identifier: Apache-2.0
#include "plainmessages.h"

#include "consoletr.h"

#include <QRegularExpression>

namespace Airgate::Console {

Diagnostics plainMessages(Diagnostics diagnostics)
{
    // "spec.apis: Invalid value: "array": no such key: name evaluating rule: duplicated apis"
    static const QRegularExpression evalError(QStringLiteral(
        R"(^(.*?): Invalid value: "[^"]*": (no such key(?:: (\S+))?|no such overload[^\n]*?|[^\n]*?) evaluating rule: (.*)$)"));
    Diagnostics out;
    out.reserve(diagnostics.size());
    for (Diagnostic &d : diagnostics) {
        const QRegularExpressionMatch m = evalError.match(d.message);
        if (!m.hasMatch()) {
            out << d;
            continue;
        }
        const QString field = m.captured(1);
        const QString error = m.captured(2);
        const QString missing = m.captured(3);
        const QString rule = m.captured(4);
        if (error.startsWith(QLatin1StringView("no such key")) && !missing.isEmpty()) {
            // The missing key is reported already ("spec.apis[1].name: Required value"): that
            // is what the cluster would say; the rule is checked once the key is there.
            bool reported = false;
            const QString suffix = u'.' + missing;
            for (const Diagnostic &o : diagnostics)
                reported = reported
                    || (o.file == d.file && o.kind == d.kind && o.ns == d.ns && o.name == d.name
                        && o.field.startsWith(d.field) && o.field.endsWith(suffix)
                        && o.message.contains(QLatin1StringView("Required value")));
            if (reported)
                continue;
            d.message = Tr::tr("%1: “%2” is checked once %3 is set").arg(field, rule, missing);
        } else {
            d.message = Tr::tr("%1: “%2” could not be checked on this value").arg(field, rule);
        }
        d.hint.clear();
        out << d;
    }
    return out;
}

} // namespace Airgate::Console
