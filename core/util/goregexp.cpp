// SPDX-License-Identifier: Apache-2.0
#include "goregexp.h"

#include <QRegularExpression>

namespace Airgate {

std::optional<QString> goRegexpProblem(const QString &pattern)
{
    const QRegularExpression re(pattern);
    if (!re.isValid())
        return QStringLiteral("invalid regular expression at offset %1: %2")
            .arg(re.patternErrorOffset())
            .arg(re.errorString());
    bool inClass = false;
    for (qsizetype i = 0; i < pattern.size(); ++i) {
        const QChar c = pattern[i];
        const QStringView rest = QStringView(pattern).mid(i);
        if (c == u'\\' && i + 1 < pattern.size()) {
            const QChar e = pattern[i + 1];
            if (!inClass && e.isDigit() && e != u'0')
                return QStringLiteral("back-references (\\%1) are not supported by Go regexp")
                    .arg(e);
            if (e == u'G' || e == u'K' || e == u'Z' || e == u'R' || (e == u'k' && !inClass))
                return QStringLiteral("\\%1 is not supported by Go regexp").arg(e);
            ++i;
            continue;
        }
        if (inClass) {
            if (c == u']')
                inClass = false;
            continue;
        }
        if (c == u'[') {
            inClass = true;
            if (i + 1 < pattern.size() && pattern[i + 1] == u']')
                ++i; // "[]...]" starts with a literal ]
            else if (rest.startsWith(u"[^]"))
                i += 2;
            continue;
        }
        if (rest.startsWith(u"(?=") || rest.startsWith(u"(?!") || rest.startsWith(u"(?<=")
            || rest.startsWith(u"(?<!"))
            return QStringLiteral("look-around assertions are not supported by Go regexp");
        if (rest.startsWith(u"(?>"))
            return QStringLiteral("atomic groups are not supported by Go regexp");
        if (rest.startsWith(u"(?(") || rest.startsWith(u"(?R") || rest.startsWith(u"(?&")
            || rest.startsWith(u"(?P>")
            || (rest.startsWith(u"(?") && rest.size() > 2
                && (rest[2].isDigit() || rest[2] == u'+' || rest[2] == u'-') && rest.size() > 3
                && rest[3].isDigit()))
            return QStringLiteral("recursion and conditionals are not supported by Go regexp");
        if ((c == u'*' || c == u'+' || c == u'?' || c == u'}') && i + 1 < pattern.size()
            && pattern[i + 1] == u'+')
            return QStringLiteral("possessive quantifiers are not supported by Go regexp");
    }
    return std::nullopt;
}

} // namespace Airgate
