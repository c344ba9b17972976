// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QJsonObject>

namespace Airgate::OpenApi {

/**
 * A Swagger 2.0 document in the OpenAPI 3.0 model, as the OpenAPI Initiative's own migration
 * describes it: `host`/`basePath`/`schemes` → `servers`; `definitions` → `components.schemas`;
 * `body` parameters → `requestBody` (one media type per `consumes`); `formData` parameters →
 * an object schema under `application/x-www-form-urlencoded` or `multipart/form-data`; other
 * parameters' type fields → `schema`; response `schema` → `content` per `produces`, response
 * `examples` → that media type's `example`; `securityDefinitions` → `securitySchemes`.
 * `$ref`s are rewritten to the new places; parameter and response references are inlined
 * (they may hold body parameters, which have no 3.x equivalent as a parameter).
 */
QJsonObject normaliseSwagger2(const QJsonObject &swagger);

} // namespace Airgate::OpenApi
