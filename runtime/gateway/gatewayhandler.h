// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "filters/filter.h"
#include "http/httpserver.h"
#include "sharedstate.h"
#include "upstream/upstreampool.h"

#include <QJsonArray>
#include <QMap>
#include <QObject>

#include <functional>

namespace Airgate::Runtime {

/** @brief Serves a portal route (the developer portal); set by the portal module. */
class PortalService
{
public:
    virtual ~PortalService() = default;
    virtual void serve(const RequestContextPtr &ctx, const QString &portal,
                       std::function<void(Http::Response)> done)
        = 0;
    /** Where each entry point listens now ("web" → "127.0.0.1:8800"): try-it calls go there. */
    virtual void setBoundEntryPoints(const QMap<QString, QString> &) { }
    /** Problems to show in the gateway status (OpenAPI documents that failed to load …). */
    virtual QJsonArray problems() const { return {}; }
};

/**
 * @brief The request path of one worker: router → CORS → authentication → access → plan →
 * proxy (or mock, or portal), then access log and metrics. Reads the snapshot current when the
 * request arrived; never blocks on other workers except for the shared limit buckets.
 */
class GatewayHandler final : public QObject, public Http::RequestHandler
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(GatewayHandler)

public:
    GatewayHandler(SharedState *shared, PortalService *portal, QObject *parent = nullptr);
    void handle(const Http::ExchangePtr &exchange) override;
    void refused(const Http::Refusal &refusal) override;
    UpstreamPool &upstreams() { return m_pool; }

private:
    void terminal(const RequestContextPtr &ctx);
    void proxy(const RequestContextPtr &ctx, const UpstreamConfig &u);
    void complete(const RequestContextPtr &ctx, Http::Response response);

    SharedState *m_shared;
    PortalService *m_portal;
    UpstreamPool m_pool;
    MetricsShard *m_metrics; ///< this worker's counters (no lock shared with other workers)
    std::shared_ptr<const RuntimeConfig> m_config;
    quint64 m_generation = 0;
    quint32 m_rng = 0x9e3779b9u;
};

/** Hop-by-hop headers (RFC 9110 §7.6.1) and the ones a Connection header names are removed,
 * except Host, Content-Length and Transfer-Encoding. */
void stripHopByHop(Http::Headers &headers);

} // namespace Airgate::Runtime
