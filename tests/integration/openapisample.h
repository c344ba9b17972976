// SPDX-License-Identifier: Apache-2.0
// Requests an OpenAPI operation accepts, built from its document: shared by the gateway's OpenAPI
// tests and the OpenAPI benchmark.
#pragma once

#include "openapi/openapidocument.h"

#include <QByteArray>
#include <QJsonObject>
#include <QString>

namespace AirgateTest {

/** A parameter value that fits its schema, as text (its own example first). */
QString sampleText(const Airgate::OpenApi::Document &doc, const QJsonObject &param);

/** A request @p op accepts: every required parameter and body filled from its schema. */
QByteArray sampleRequest(const Airgate::OpenApi::Document &doc,
                         const Airgate::OpenApi::Operation &op, const QByteArray &host);

} // namespace AirgateTest
