// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "catalog.h"
#include "gateway/gatewayhandler.h"
#include "oidc.h"
#include "sessionstore.h"

#include "openapi/openapidocument.h"

#include <QHash>
#include <QJsonObject>
#include <QMutex>
#include <QThreadPool>
#include <QTranslator>

#include <memory>
#include <vector>

namespace Airgate::Runtime::Portal {

/**
 * @brief The read-only developer portal, served by the gateway for IngressRoutes annotated
 * `hub.traefik.io/api-portal` and on preview listeners: home, catalog, API pages (the OpenAPI
 * document rendered, filtered by the user's operation sets, servers overridden, versions,
 * try-it), plans, "my applications"; OpenID Connect login with PKCE; sessions in memory.
 * Pages are server-rendered; every asset is embedded. Thread-safe: one instance serves every
 * worker, each request on its worker's thread.
 */
class PortalServiceImpl final : public PortalService
{
public:
    PortalServiceImpl();
    ~PortalServiceImpl() override;

    void serve(const RequestContextPtr &ctx, const QString &portal,
               std::function<void(Http::Response)> done) override;
    void setBoundEntryPoints(const QMap<QString, QString> &eps) override;
    QJsonArray problems() const override;

    static constexpr qint64 kSessionTtlMs = SessionStore::kSessionTtlMs;
    static constexpr qint64 kLoginTtlMs = SessionStore::kLoginTtlMs;
    /// Rendered API pages (and filtered documents) kept at most, in bytes, across users.
    static constexpr qint64 kMaxCachedPageBytes = 96 * 1024 * 1024;
    /// Threads that load documents and render pages, off the workers proxying API traffic,
    /// at a lower CPU priority (nice) than theirs.
    static constexpr int kRenderThreads = 1;
    static constexpr int kRenderNice = 10;

private:
    using Session = PortalSession;
    using Pending = PendingLogin;
    struct Doc
    {
        std::shared_ptr<const OpenApi::Document> document;
        QString error;
        qint64 atMs = 0;
    };
    /** @brief A page rendered once and served to every user it fits: the bytes around each
     * place the session's form token goes. */
    struct RenderedPage
    {
        QList<QByteArray> parts;
        qint64 bytes = 0;
    };
    using PagePtr = std::shared_ptr<const RenderedPage>;
    struct Request; // one request being served

    void route(const std::shared_ptr<Request> &r);
    void home(const std::shared_ptr<Request> &r);
    void catalog(const std::shared_ptr<Request> &r);
    void apiPage(const std::shared_ptr<Request> &r, const QString &name, bool json);
    void plans(const std::shared_ptr<Request> &r);
    void applications(const std::shared_ptr<Request> &r);
    void login(const std::shared_ptr<Request> &r);
    void callback(const std::shared_ptr<Request> &r);
    void logout(const std::shared_ptr<Request> &r);
    void logoutPage(const std::shared_ptr<Request> &r);
    void tryIt(const std::shared_ptr<Request> &r);
    void asset(const std::shared_ptr<Request> &r, const QString &name);

    /** Loads (or takes from the cache) the OpenAPI document of an API or APIVersion. */
    void document(const std::shared_ptr<Request> &r, const Resource *api,
                  std::function<void(QJsonObject doc, QString error)> done);
    /** The same as a loaded document; files are read and fetched bytes parsed off the workers'
     * threads; @p done runs on the calling thread. */
    void documentOf(const std::shared_ptr<Request> &r, const Resource *api,
                    std::function<void(std::shared_ptr<const OpenApi::Document>, QString)> done);
    /**
     * The page cached under @p key, or @p render run once on the render pool (concurrent
     * requests for the same key wait for that one run) and cached; @p done runs on the calling
     * thread.
     */
    void cachedPage(const QString &key, std::function<PagePtr()> render,
                    std::function<void(PagePtr)> done);
    /** Drops these references on the render pool: what only they kept alive (documents and
     * pages of older configurations) is freed there, not on a worker. */
    void freeOffThread(std::vector<std::shared_ptr<const void>> dead);
    /** Runs @p work on the render pool, then @p then on the calling (worker) thread. */
    void offThread(std::function<void()> work, std::function<void()> then);
    QString translate(const QString &lang, const char *source) const;
    /** The origin of a preview listener from the address it is bound to (never a Host header);
     * empty when @p entryPoint is not one. */
    QString previewOrigin(const QString &entryPoint) const;

    mutable QMutex m_mutex;
    SessionStore m_sessions;
    QHash<QString, Doc> m_docs; ///< "generation|kind|ns/name"
    QHash<QString, PagePtr> m_pages; ///< "generation|…" → rendered page
    QStringList m_pageOrder; ///< oldest first
    qint64 m_pageBytes = 0;
    QHash<QString, QList<std::function<void(PagePtr)>>> m_rendering; ///< waiting for a render
    QThreadPool m_renderPool;
    QHash<QString, QString> m_docProblems; ///< "ns/name" → error
    QMap<QString, QString> m_entryPoints;
    OidcClient m_oidc;
    std::unique_ptr<QTranslator> m_de;
    std::unique_ptr<QTranslator> m_fr;
};

} // namespace Airgate::Runtime::Portal
