// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "gatewayhandler.h"
#include "http/httpserver.h"

#include <QList>
#include <QObject>
#include <QThread>

namespace Airgate::Runtime {

/** @brief A socket the gateway opened (SO_REUSEPORT) for one worker to accept on. */
struct ListenerSpec
{
    QString entryPoint; ///< "web", or "portal:ns/name" for a portal preview
    qintptr descriptor = -1;
    Http::ListenerOptions options;
    QString signature; ///< what identifies an unchanged listener across reloads
};

/**
 * @brief One worker thread: its own listeners on SO_REUSEPORT sockets, its own upstream pool,
 * its own copy of the request path. Objects are created and used on the worker's thread only.
 */
class Worker final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(Worker)

public:
    Worker(int index, SharedState *shared, PortalService *portal);
    ~Worker() override;

    /** Starts the thread and creates the handler on it. */
    void start();
    /**
     * Replaces the listeners (thread-safe; blocks until done). Unchanged ones keep their sockets.
     * @return the entry points whose socket could not be taken (logged; nothing accepts there
     * on this worker).
     */
    QStringList setListeners(const QList<ListenerSpec> &specs);
    /** Stops accepting and lets connections finish (thread-safe; blocks until done). */
    void drain();
    void stop();
    int index() const { return m_index; }

private:
    QStringList applyListeners(const QList<ListenerSpec> &specs);

    int m_index;
    SharedState *m_shared;
    PortalService *m_portal;
    QThread m_thread;
    QObject *m_context = nullptr; // lives on m_thread
    GatewayHandler *m_handler = nullptr; // lives on m_thread
    QHash<QString, Http::Listener *> m_listeners; // by signature, on m_thread
};

} // namespace Airgate::Runtime
