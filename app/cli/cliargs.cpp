// SPDX-License-Identifier: Apache-2.0
#include "cliargs.h"

#include "commandspec.h"

#include <cstdio>

namespace Airgate::Cli {

QTextStream &out()
{
    static QTextStream s(stdout);
    return s;
}

QTextStream &err()
{
    static QTextStream s(stderr);
    return s;
}

void Args::checkDeclared(const QString &name, bool prefix) const
{
    if (!m_spec)
        return;
    const OptionSpec *o = m_spec->option(name);
    if (!o || o->rulePrefix != prefix)
        qFatal("airgatectl %s: option %s is not declared in app/cli/commandspec.cpp (its --help, "
               "man page and completions are generated from there)",
               qPrintable(m_spec->name), qPrintable(name));
}

std::optional<QString> Args::take(const QString &name, const QString &shortName)
{
    checkDeclared(name);
    for (qsizetype i = 0; i < m_args.size(); ++i) {
        const QString &a = m_args[i];
        if (a == QLatin1StringView("--"))
            break;
        if (a == name || (!shortName.isEmpty() && a == shortName)) {
            if (i + 1 >= m_args.size()) {
                m_error = QStringLiteral("%1 needs a value").arg(name);
                m_args.removeAt(i);
                return std::nullopt;
            }
            const QString v = m_args[i + 1];
            m_args.remove(i, 2);
            return v;
        }
        if (a.startsWith(name + u'=')) {
            const QString v = a.mid(name.size() + 1);
            m_args.removeAt(i);
            return v;
        }
    }
    return std::nullopt;
}

QStringList Args::takeAll(const QString &name)
{
    QStringList out;
    while (auto v = take(name))
        out << *v;
    return out;
}

bool Args::flag(const QString &name)
{
    checkDeclared(name);
    const qsizetype i = m_args.indexOf(name);
    if (i < 0)
        return false;
    m_args.removeAt(i);
    return true;
}

QStringList Args::takePrefixed(const QString &prefix)
{
    checkDeclared(prefix, true);
    QStringList out;
    for (qsizetype i = m_args.size() - 1; i >= 0; --i) {
        if (m_args[i].startsWith(prefix)) {
            out.prepend(m_args[i]);
            m_args.removeAt(i);
        }
    }
    return out;
}

QStringList Args::positionals() const
{
    QStringList out;
    bool rest = false;
    for (const QString &a : m_args) {
        if (rest) {
            out << a;
        } else if (a == QLatin1StringView("--")) {
            rest = true;
        } else if (!a.startsWith(u'-') || a == QLatin1StringView("-")) {
            out << a;
        }
    }
    return out;
}

std::optional<QString> Args::unknownOption() const
{
    for (const QString &a : m_args) {
        if (a == QLatin1StringView("--"))
            break;
        if (a.startsWith(u'-') && a != QLatin1StringView("-"))
            return a;
    }
    return std::nullopt;
}

} // namespace Airgate::Cli
