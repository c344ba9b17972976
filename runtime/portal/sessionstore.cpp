// SPDX-License-Identifier: Apache-2.0
#include "sessionstore.h"

#include "keys/apikey.h"

namespace Airgate::Runtime::Portal {

std::optional<PortalSession> SessionStore::find(const QByteArray &id, const QString &portal,
                                                qint64 now)
{
    if (id.isEmpty())
        return std::nullopt;
    QMutexLocker lock(&m_mutex);
    const auto it = m_sessions.find(id);
    if (it == m_sessions.end())
        return std::nullopt;
    if (it->expiresMs < now || it->portal != portal) {
        m_sessions.erase(it);
        return std::nullopt;
    }
    return *it;
}

QByteArray SessionStore::open(PortalSession session, qint64 now)
{
    session.expiresMs = now + kSessionTtlMs;
    const QByteArray id = Keys::generateKey();
    QMutexLocker lock(&m_mutex);
    m_sessions.removeIf([now](const auto &it) { return it.value().expiresMs < now; });
    m_sessions.insert(id, std::move(session));
    return id;
}

void SessionStore::close(const QByteArray &id)
{
    QMutexLocker lock(&m_mutex);
    m_sessions.remove(id);
}

void SessionStore::addPending(PendingLogin pending, qint64 now)
{
    pending.createdMs = now;
    QMutexLocker lock(&m_mutex);
    m_pending.removeIf([now](const auto &it) { return now - it.value().createdMs > kLoginTtlMs; });
    if (m_pending.size() >= kMaxPendingLogins)
        m_pending.clear();
    m_pending.insert(pending.login.state, std::move(pending));
}

SessionStore::Take SessionStore::takePending(const QByteArray &state, const QByteArray &browser,
                                             const QString &portal, qint64 now, PendingLogin *out)
{
    QMutexLocker lock(&m_mutex);
    const auto it = m_pending.find(state);
    if (it == m_pending.end())
        return Take::Unknown;
    // Only the browser that started this sign-in completes it (no login CSRF: a callback URL
    // replayed from elsewhere does not sign this browser in, nor use the state up).
    if (!Keys::constantTimeEquals(it->browser, browser))
        return Take::OtherBrowser;
    const PendingLogin p = *it;
    m_pending.erase(it); // one use only
    if (p.portal != portal || now - p.createdMs > kLoginTtlMs)
        return Take::Unknown;
    *out = p;
    return Take::Taken;
}

int SessionStore::sessionCount() const
{
    QMutexLocker lock(&m_mutex);
    return static_cast<int>(m_sessions.size());
}

int SessionStore::pendingCount() const
{
    QMutexLocker lock(&m_mutex);
    return static_cast<int>(m_pending.size());
}

} // namespace Airgate::Runtime::Portal
