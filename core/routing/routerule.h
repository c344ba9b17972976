// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QString>
#include <QStringList>

#include <memory>
#include <optional>
#include <vector>

namespace Airgate::Routing {

/** @brief The matchers of Traefik v3's rule syntax. */
enum class MatcherType {
    Host,
    HostRegexp,
    Path,
    PathPrefix,
    PathRegexp,
    Method,
    Header,
    HeaderRegexp,
    Query,
    QueryRegexp,
    ClientIP
};

/** @brief A parsed router rule: `Host(`a`) && (Path(`/x`) || !Method(`GET`))`. */
struct RuleNode
{
    enum class Type { And, Or, Not, Matcher };
    Type type = Type::Matcher;
    MatcherType matcher = MatcherType::Host;
    QStringList args;
    std::vector<std::unique_ptr<RuleNode>> children;
};

/** @brief The result of parsing: a tree, or an error with the 0-based offset where it was found. */
struct RuleParseResult
{
    std::unique_ptr<RuleNode> root;
    QString error;
    int errorOffset = -1;
    bool ok() const { return root != nullptr; }
};

/**
 * Parses and checks a Traefik v3 rule: matcher names and arity ("unexpected number of
 * parameters; got 2, expected one of [1]"), backtick or double-quoted arguments, paths that must
 * start with '/', ASCII hosts, Go-compatible regular expressions, valid ClientIP ranges.
 */
RuleParseResult parseRule(const QString &rule);

QString matcherName(MatcherType t);
/** Traefik's default router priority: the rule's length in bytes. */
qint64 defaultPriority(const QString &rule);

} // namespace Airgate::Routing
