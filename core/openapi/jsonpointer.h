// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "yaml/yamlnode.h"

#include <QJsonValue>
#include <QString>
#include <QStringList>

namespace Airgate::OpenApi {

/** Nesting a JSON walk follows before it stops (the YAML reader refuses deeper files too). */
inline constexpr int kMaxWalkDepth = 256;

/** RFC 6901 §4: one reference token, `~1` → `/`, `~0` → `~` (in that order). */
QString unescapeToken(QString token);
/** RFC 6901 §3: `~` → `~0`, `/` → `~1`. */
QString escapeToken(QString token);

/**
 * The tokens of a JSON pointer written as a URI fragment (`#/paths/~1users~1%7Bid%7D`):
 * percent-decoded (RFC 6901 §6), then unescaped. "#" and "" name the whole document.
 */
QStringList pointerTokens(const QString &fragment);

/** Follows @p tokens from @p root (objects by key, arrays by index); undefined when absent. */
QJsonValue followPointer(const QJsonValue &root, const QStringList &tokens);

/**
 * A parsed YAML tree as JSON, scalars by their YAML 1.2 type. Iterative: a document's depth
 * costs no stack (the YAML reader bounds it anyway).
 */
QJsonValue yamlToJson(const Yaml::Node *node);

} // namespace Airgate::OpenApi
