// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "openapidocument.h"

#include <QJsonValue>

namespace Airgate::OpenApi {

/** Deepest a generated example goes (objects, arrays, references and choices each count one);
 * deeper values are left out. Every step of the walk counts, so the stack stays bounded. */
inline constexpr int kMaxExampleDepth = 32;
/** Largest generated example (serialised); what would pass it is left out. */
inline constexpr qint64 kMaxExampleBytes = 1024 * 1024;
/** Items an array example holds at most (its minItems, else one). */
inline constexpr int kMaxExampleItems = 20;

/** @brief Where a generated example is used: a request body leaves readOnly properties out,
 * a response writeOnly ones. */
enum class ExampleFor { Response, Request };

/**
 * A value that fits @p schema, for a mock response when the document gives no example: the
 * schema's own `example`/`examples`/`const`/`default`/first `enum` where it has one; `allOf`
 * merged; `oneOf`/`anyOf` by the discriminator's first mapping, else the first choice; formats
 * (date-time, date, uuid, email, uri, ipv4…), bounds (minimum, maxLength, minItems…),
 * `additionalProperties`. A reference already being expanded is cut (a recursive schema gives
 * a finite value); nesting stops at kMaxExampleDepth and the whole at kMaxExampleBytes, so a
 * hostile document costs bounded time and memory.
 */
QJsonValue exampleFromSchema(const Document &document, const QJsonValue &schema,
                             ExampleFor purpose = ExampleFor::Response);

} // namespace Airgate::OpenApi
