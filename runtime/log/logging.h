// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QLoggingCategory>
#include <QString>

#include <optional>

/// One logging category per runtime module; `serve --log-level` sets their threshold.
Q_DECLARE_LOGGING_CATEGORY(lcHttp) // airgate.http: listeners, connections
Q_DECLARE_LOGGING_CATEGORY(lcGateway) // airgate.gateway: start, reload, state folder, workers
Q_DECLARE_LOGGING_CATEGORY(lcConfig) // airgate.config: compiling the workspace
Q_DECLARE_LOGGING_CATEGORY(lcFilters) // airgate.filters: the request path
Q_DECLARE_LOGGING_CATEGORY(lcUpstream) // airgate.upstream: the upstream pool
Q_DECLARE_LOGGING_CATEGORY(lcPortal) // airgate.portal: the developer portal
Q_DECLARE_LOGGING_CATEGORY(lcAdmin) // airgate.admin: the admin API

namespace Airgate::Runtime::Log {

/** @brief The least severe message that is written. */
enum class Level { Debug, Info, Warning, Error };
/** @brief How each message is written to standard error. */
enum class Format { Text, Json };

std::optional<Level> parseLevel(const QString &name);
std::optional<Format> parseFormat(const QString &name);

/**
 * Writes every message of the airgate.* categories at @p level or above to standard error, one
 * line each: `TIME LEVEL CATEGORY: message` as text, or
 * `{"time":…,"level":…,"category":…,"message":…}` as JSON. Thread-safe.
 */
void install(Level level, Format format);

/** One formatted line (without the newline), as install() writes it; for tests. */
QByteArray formatLine(Format format, QtMsgType type, const char *category, const QString &message,
                      qint64 epochMs);

} // namespace Airgate::Runtime::Log
