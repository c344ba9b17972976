// SPDX-License-Identifier: Apache-2.0
#include "worker.h"

#include "log/logging.h"

#include <QMetaObject>
#include <QTimer>

#include <unistd.h>

namespace Airgate::Runtime {

Worker::Worker(int index, SharedState *shared, PortalService *portal)
    : m_index(index)
    , m_shared(shared)
    , m_portal(portal)
{
    m_thread.setObjectName(QStringLiteral("airgate-worker-%1").arg(index));
}

Worker::~Worker()
{
    stop();
}

void Worker::start()
{
    m_thread.start();
    m_context = new QObject;
    m_context->moveToThread(&m_thread);
    QMetaObject::invokeMethod(
        m_context, [this] { m_handler = new GatewayHandler(m_shared, m_portal, m_context); },
        Qt::BlockingQueuedConnection);
}

QStringList Worker::setListeners(const QList<ListenerSpec> &specs)
{
    QStringList failed;
    QMetaObject::invokeMethod(
        m_context, [this, specs, &failed] { failed = applyListeners(specs); },
        Qt::BlockingQueuedConnection);
    return failed;
}

QStringList Worker::applyListeners(const QList<ListenerSpec> &specs)
{
    QStringList failed;
    QHash<QString, Http::Listener *> next;
    for (const ListenerSpec &s : specs) {
        if (Http::Listener *existing = m_listeners.take(s.signature)) {
            next.insert(s.signature, existing);
            // The socket stays; the limits and timeouts are the new configuration's.
            existing->setOptions(s.options);
            if (s.descriptor >= 0)
                ::close(static_cast<int>(s.descriptor)); // the listener already has its own socket
            continue;
        }
        auto *l = new Http::Listener(m_handler, s.options, m_shared->front, m_context);
        if (!l->setSocketDescriptor(s.descriptor)) {
            qCWarning(lcHttp).noquote()
                << "worker" << m_index << "cannot accept on entry point" << s.entryPoint
                << "(descriptor" << s.descriptor << "):" << l->errorString();
            failed << s.entryPoint;
            delete l;
            if (s.descriptor >= 0)
                ::close(static_cast<int>(s.descriptor));
            continue;
        }
        next.insert(s.signature, l);
    }
    // Listeners no longer configured: stop accepting, let their connections finish.
    for (Http::Listener *old : std::as_const(m_listeners)) {
        old->drain();
        QTimer::singleShot(30000, old, &QObject::deleteLater);
    }
    m_listeners = next;
    return failed;
}

void Worker::drain()
{
    if (!m_context)
        return;
    QMetaObject::invokeMethod(
        m_context,
        [this] {
            for (Http::Listener *l : std::as_const(m_listeners))
                l->drain();
        },
        Qt::BlockingQueuedConnection);
}

void Worker::stop()
{
    if (!m_context)
        return;
    QMetaObject::invokeMethod(
        m_context,
        [this] {
            delete m_context;
            m_context = nullptr;
            m_handler = nullptr;
            m_listeners.clear();
        },
        Qt::BlockingQueuedConnection);
    m_thread.quit();
    m_thread.wait();
}

} // namespace Airgate::Runtime
