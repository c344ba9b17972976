// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "util/result.h"

#include <QByteArray>
#include <QByteArrayView>

#include <optional>

namespace Airgate::Runtime {

/**
 * @brief The one form of a request path that every decision of the gateway uses: routing,
 * operation filters, stripPrefix/addPrefix, the mock, and what is forwarded upstream.
 *
 * Built as a Traefik v3.7 entry point does by default (`sanitizePath: true`, every
 * `encodedCharacters` option `true`, routing path of Traefik ≥ 3.4.1):
 *  1. percent-encodings of unreserved characters are decoded and the others are upper-cased
 *     (RFC 3986 §2.3, §6.2.2.1): `%2e` is `.`, `%2f` becomes `%2F`;
 *  2. `.` and `..` segments and duplicate slashes are removed (RFC 3986 §6.2.2.3 / §5.2.4, in
 *     the form of Go's `path.Clean`, a trailing slash kept): `/a/%2e%2e/b` is `/b`;
 *  3. encoded reserved characters stay encoded and never split or join segments:
 *     `/a/..%2Fb` is one segment `..%2Fb` under `/a`, forwarded as such;
 *  4. bytes that may not appear in a path (`\`, `"`, `{`, non-ASCII …) are forwarded
 *     percent-encoded (`\` as `%5C`), as Go's URL.EscapedPath does; they are data, not
 *     separators.
 * A `%` not followed by two hex digits, or a raw `#`, is refused (400), as Go's server and
 * Traefik's `denyFragment` refuse them.
 */
struct RequestPath
{
    QByteArray forward; ///< normalised and sanitised, percent-encoded: what goes upstream
    QByteArray routing; ///< `forward` with every encoding outside RFC 3986's reserved set decoded

    /** Normalises @p rawPath (the origin-form path, before '?'). */
    static Result<RequestPath> fromRaw(const QByteArray &rawPath);
    /** The same from an already normalised path (after stripPrefix/addPrefix). */
    static RequestPath fromForward(QByteArray forward);
};

/** Step 2 alone: removes `.`/`..` segments and duplicate slashes of an encoded path. */
QByteArray removeDotSegments(QByteArrayView escapedPath);
/** The routing path of a normalised encoded path (reserved encodings kept, others decoded). */
QByteArray routingPath(const QByteArray &escapedPath);
/**
 * stripPrefix on an encoded path: when the decoded path starts with @p prefix, the rest, still
 * encoded, with a leading '/'; otherwise nullopt.
 */
std::optional<QByteArray> stripPathPrefix(QByteArrayView escapedPath, QByteArrayView prefix);
/** Percent-encodes the bytes of a literal path (an addPrefix value) that a path may not hold. */
QByteArray encodePathLiteral(QByteArrayView literal);

} // namespace Airgate::Runtime
