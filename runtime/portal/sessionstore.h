// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "catalog.h"
#include "oidc.h"

#include <QByteArray>
#include <QHash>
#include <QMutex>
#include <QString>

#include <optional>

namespace Airgate::Runtime::Portal {

/** @brief A signed-in user of one portal, with the form token of that session. */
struct PortalSession
{
    QString portal;
    PortalUser user;
    QByteArray csrf;
    qint64 expiresMs = 0;
};

/** @brief A sign-in started at /login, waiting for its /callback. */
struct PendingLogin
{
    QString portal;
    LoginRequest login;
    QString redirectUri;
    QString returnTo;
    QByteArray browser; ///< SHA-256 of the sign-in cookie of the browser that started it
    qint64 createdMs = 0;
};

/**
 * @brief The portal's sessions and sign-ins in progress, in memory. Lifetimes are on the clock
 * the caller passes (@p nowMs, milliseconds since the epoch: the gateway's injected clock), never
 * read here. Thread-safe: every worker uses the same store.
 */
class SessionStore
{
public:
    static constexpr qint64 kSessionTtlMs = 8 * 3600 * 1000;
    static constexpr qint64 kLoginTtlMs = 10 * 60 * 1000;
    static constexpr int kMaxPendingLogins = 10000;

    /** The session @p id of portal @p portal; an expired one, or one of another portal, is
     * forgotten. */
    std::optional<PortalSession> find(const QByteArray &id, const QString &portal, qint64 nowMs);
    /** Keeps @p session (its expiry set from now) and @return its new id; expired ones go. */
    QByteArray open(PortalSession session, qint64 nowMs);
    void close(const QByteArray &id);

    /** Keeps a sign-in in progress under its state (created now); stale ones go, and all of
     * them when there are too many (a flood cannot grow the store). */
    void addPending(PendingLogin pending, qint64 nowMs);
    enum class Take { Taken, OtherBrowser, Unknown };
    /**
     * The sign-in of @p state, used up, when @p browser (SHA-256 of the sign-in cookie) is the
     * one that started it, for @p portal, and not older than kLoginTtlMs. A callback from another
     * browser does not use it up.
     */
    Take takePending(const QByteArray &state, const QByteArray &browser, const QString &portal,
                     qint64 nowMs, PendingLogin *out);

    int sessionCount() const;
    int pendingCount() const;

private:
    mutable QMutex m_mutex;
    QHash<QByteArray, PortalSession> m_sessions;
    QHash<QByteArray, PendingLogin> m_pending;
};

} // namespace Airgate::Runtime::Portal
