// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

namespace Airgate::Formats {

/**
 * Go's time.ParseDuration: `[-+]?([0-9]*(\.[0-9]*)?[a-z]+)+` with units ns, us, µs, ms, s, m, h,
 * or the bare "0". @return nanoseconds, or nullopt when invalid or out of range.
 */
std::optional<std::int64_t> parseGoDuration(std::string_view s);

/**
 * How the Kubernetes API server reads a `format: duration` string (kube-openapi
 * strfmt.ParseDuration): Go's syntax first, then groups like `1d`, `2 hours`, `3 weeks`.
 */
std::optional<std::int64_t> parseKubernetesDuration(std::string_view s);

/**
 * Kubernetes CEL isURL(): Go's url.ParseRequestURI succeeds, i.e. an absolute URI
 * (scheme + rest) or an absolute path, with a valid authority and port.
 */
bool isGoRequestUri(std::string_view s);

/** An RFC 1123 DNS label: `[a-z0-9]([-a-z0-9]*[a-z0-9])?`, at most 63 characters. */
bool isDnsLabel(std::string_view s);
/** An RFC 1123 DNS subdomain: dot-separated labels, at most 253 characters. */
bool isDnsSubdomain(std::string_view s);
/** A Kubernetes qualified name (label and annotation keys): `[prefix/]name`. */
bool isQualifiedName(std::string_view s);
/** A Kubernetes label value: empty or `(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])`, at most 63. */
bool isLabelValue(std::string_view s);
/** A ConfigMap/Secret data key: `[-._a-zA-Z0-9]+`, at most 253. */
bool isConfigKey(std::string_view s);
/** Standard base64 with padding, as Kubernetes decodes Secret `data`. @return offset of the first
 * bad byte or npos. */
std::size_t invalidBase64Offset(std::string_view s);

/** Formats nanoseconds the way Go's Duration.String() does ("1h30m0s"). */
std::string formatGoDuration(std::int64_t nanos);

} // namespace Airgate::Formats
