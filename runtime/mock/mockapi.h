// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "http/httpmessage.h"
#include "openapi/openapidocument.h"
#include "util/result.h"

#include <QHash>
#include <QList>
#include <QMutex>
#include <QRegularExpression>
#include <QString>

#include <atomic>
#include <memory>
#include <unordered_map>
#include <vector>

namespace Airgate::Runtime {

/**
 * @brief A `mock:` service: answers an OpenAPI document's operations as Stoplight Prism's
 * static mode does, and serves the document itself at the API's `openApiSpec.path`.
 *
 * The request is checked against its operation first (422 problem+json naming each
 * violation, 415 for an undeclared body media type). The answer is the lowest 2xx response
 * (or the one `Prefer: code=404` asks for), in the media type the client accepts, with the
 * document's example (`Prefer: example=name` picks a named one) or else a body generated from
 * the schema (bounded, kept once made). Paths match with or without the server's base path
 * (Swagger's basePath); a known path with another method is a 405, an unknown one a 404.
 */
class MockApi
{
public:
    /** Reads an OpenAPI 3.x or Swagger 2.0 document; `$ref`s must stay inside @p root; set
     * @p cancel to stop the read early (it then fails). */
    static Result<std::shared_ptr<const MockApi>>
    load(const QString &file, const QString &root = {}, const std::atomic<bool> *cancel = nullptr);
    static std::shared_ptr<const MockApi>
    fromDocument(std::shared_ptr<const OpenApi::Document> document);

    /** The mocked answer for a request; @p path is the request path already stripped of any
     * route prefix, percent-decoded. */
    Http::Response respond(const Http::Request &request, const QByteArray &path,
                           const QList<QByteArray> &specPaths) const;

    const std::shared_ptr<const OpenApi::Document> &document() const { return m_document; }
    int operationCount() const { return static_cast<int>(m_routes.size()); }

private:
    struct Route
    {
        const OpenApi::Operation *operation = nullptr;
        QStringList parameters; ///< names of the template's parameters, in capture order
        int literalLength = 0; ///< more literal characters = more specific
    };
    /**
     * One segment of the path templates ('/'-separated), shared by the templates that agree up
     * to it: a literal child per text, one child for a segment that is a whole parameter
     * (`{id}`), and an anchored pattern per segment mixing text and parameters (`{name}.json`).
     */
    struct Segment
    {
        std::unordered_map<QString, std::unique_ptr<Segment>> literal;
        std::unique_ptr<Segment> parameter;
        std::vector<std::pair<QRegularExpression, std::unique_ptr<Segment>>> mixed;
        std::vector<int> routes; ///< indices into m_routes of templates ending here
    };
    struct Match
    {
        int route = 0;
        QStringList values; ///< the parameters' values, in the route's order
    };
    /** Every route whose template matches @p path, in m_routes order (most specific first). */
    std::vector<Match> match(const QString &path) const;
    struct Body
    {
        QByteArray contentType;
        QByteArray bytes;
    };

    Http::Response answer(const Route &route, const QStringList &values,
                          const Http::Request &request) const;
    Body body(const Route &route, int routeIndex, const QString &status, const QJsonObject &media,
              const QString &mime, const QString &exampleName, bool *missingExample) const;

    std::shared_ptr<const OpenApi::Document> m_document;
    std::vector<Route> m_routes;
    Segment m_root;
    mutable QMutex m_mutex;
    mutable QHash<QString, Body> m_bodies; ///< generated bodies, made once
};

} // namespace Airgate::Runtime
