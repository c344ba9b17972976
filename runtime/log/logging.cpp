// SPDX-License-Identifier: Apache-2.0
#include "logging.h"

#include <QDateTime>
#include <QMutex>

#include <cstdio>

Q_LOGGING_CATEGORY(lcHttp, "airgate.http", QtInfoMsg)
Q_LOGGING_CATEGORY(lcGateway, "airgate.gateway", QtInfoMsg)
Q_LOGGING_CATEGORY(lcConfig, "airgate.config", QtInfoMsg)
Q_LOGGING_CATEGORY(lcFilters, "airgate.filters", QtInfoMsg)
Q_LOGGING_CATEGORY(lcUpstream, "airgate.upstream", QtInfoMsg)
Q_LOGGING_CATEGORY(lcPortal, "airgate.portal", QtInfoMsg)
Q_LOGGING_CATEGORY(lcAdmin, "airgate.admin", QtInfoMsg)

namespace Airgate::Runtime::Log {

namespace {

Format g_format = Format::Text;
QMutex g_writeMutex;

const char *levelName(QtMsgType type)
{
    switch (type) {
    case QtDebugMsg:
        return "debug";
    case QtInfoMsg:
        return "info";
    case QtWarningMsg:
        return "warning";
    case QtCriticalMsg:
    case QtFatalMsg:
        return "error";
    }
    return "info";
}

void jsonString(QByteArray &out, const QByteArray &v)
{
    out += '"';
    for (char c : v) {
        const auto u = static_cast<unsigned char>(c);
        if (c == '"' || c == '\\') {
            out += '\\';
            out += c;
        } else if (c == '\n') {
            out += "\\n";
        } else if (c == '\r') {
            out += "\\r";
        } else if (c == '\t') {
            out += "\\t";
        } else if (u < 0x20 || u == 0x7f) {
            char buf[8];
            std::snprintf(buf, sizeof buf, "\\u%04x", u);
            out += buf;
        } else {
            out += c;
        }
    }
    out += '"';
}

void handler(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    const QByteArray line
        = formatLine(g_format, type, context.category ? context.category : "default", message,
                     QDateTime::currentMSecsSinceEpoch())
        + '\n';
    QMutexLocker lock(&g_writeMutex);
    std::fwrite(line.constData(), 1, static_cast<size_t>(line.size()), stderr);
    std::fflush(stderr);
}

} // namespace

std::optional<Level> parseLevel(const QString &name)
{
    if (name == QLatin1StringView("debug"))
        return Level::Debug;
    if (name == QLatin1StringView("info"))
        return Level::Info;
    if (name == QLatin1StringView("warning"))
        return Level::Warning;
    if (name == QLatin1StringView("error"))
        return Level::Error;
    return std::nullopt;
}

std::optional<Format> parseFormat(const QString &name)
{
    if (name == QLatin1StringView("text"))
        return Format::Text;
    if (name == QLatin1StringView("json"))
        return Format::Json;
    return std::nullopt;
}

QByteArray formatLine(Format format, QtMsgType type, const char *category, const QString &message,
                      qint64 epochMs)
{
    const QByteArray time
        = QDateTime::fromMSecsSinceEpoch(epochMs, Qt::UTC).toString(Qt::ISODateWithMs).toLatin1();
    QByteArray out;
    if (format == Format::Json) {
        out += "{\"time\":";
        jsonString(out, time);
        out += ",\"level\":";
        jsonString(out, levelName(type));
        out += ",\"category\":";
        jsonString(out, category);
        out += ",\"message\":";
        jsonString(out, message.toUtf8());
        out += '}';
        return out;
    }
    out += time;
    out += ' ';
    out += levelName(type);
    out += ' ';
    out += category;
    out += ": ";
    // One message, one line.
    QByteArray text = message.toUtf8();
    text.replace('\n', "\\n").replace('\r', "\\r");
    out += text;
    return out;
}

void install(Level level, Format format)
{
    g_format = format;
    auto on = [](bool b) { return b ? QLatin1StringView("true") : QLatin1StringView("false"); };
    QString rules;
    rules += QStringLiteral("airgate.*.debug=") + on(level <= Level::Debug) + u'\n';
    rules += QStringLiteral("airgate.*.info=") + on(level <= Level::Info) + u'\n';
    rules += QStringLiteral("airgate.*.warning=") + on(level <= Level::Warning) + u'\n';
    rules += QStringLiteral("airgate.*.critical=true\n");
    QLoggingCategory::setFilterRules(rules);
    qInstallMessageHandler(handler);
}

} // namespace Airgate::Runtime::Log
