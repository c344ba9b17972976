// SPDX-License-Identifier: Apache-2.0
#include "secretstore.h"

#include "consoletr.h"

#include <qt6keychain/keychain.h>

#include <QPointer>
#include <QTimer>

#include <memory>

namespace Airgate::Console {

QString SecretStore::accountFor(const QString &workspaceRoot, const QString &ns,
                                const QString &secretName)
{
    return workspaceRoot + u'|' + ns + u'/' + secretName;
}

namespace {

SecretOutcome unavailable()
{
    SecretOutcome o;
    o.unavailable = true;
    o.error = Tr::tr("No keychain is available in this session.");
    return o;
}

void answerLater(QObject *ctx, SecretStore::Done done, SecretOutcome o)
{
    // Asynchronous like a real keychain, so callers cannot come to rely on re-entrancy.
    QTimer::singleShot(0, ctx, [done = std::move(done), o = std::move(o)] { done(o); });
}

} // namespace

void MemorySecretStore::write(const QString &account, const QByteArray &secret, Done done)
{
    if (m_unavailable)
        return answerLater(this, std::move(done), unavailable());
    m_secrets.insert(account, secret);
    SecretOutcome o;
    o.ok = true;
    answerLater(this, std::move(done), o);
}

void MemorySecretStore::read(const QString &account, Done done)
{
    if (m_unavailable)
        return answerLater(this, std::move(done), unavailable());
    SecretOutcome o;
    o.ok = m_secrets.contains(account);
    o.secret = m_secrets.value(account);
    if (!o.ok)
        o.error = Tr::tr("The keychain holds no key for this entry.");
    answerLater(this, std::move(done), o);
}

void MemorySecretStore::remove(const QString &account, Done done)
{
    if (m_unavailable)
        return answerLater(this, std::move(done), unavailable());
    m_secrets.remove(account);
    SecretOutcome o;
    o.ok = true;
    answerLater(this, std::move(done), o);
}

KeychainSecretStore::KeychainSecretStore(QObject *parent, int timeoutMs)
    : SecretStore(parent)
    , m_timeoutMs(timeoutMs)
{
}

QString KeychainSecretStore::backendName() const
{
#if defined(Q_OS_MACOS)
    return Tr::tr("macOS Keychain");
#elif defined(Q_OS_WIN)
    return Tr::tr("Windows Credential Store");
#else
    return Tr::tr("Secret Service (GNOME Keyring, KWallet)");
#endif
}

namespace {

/** Runs one QtKeychain job with a timeout; @p done is called exactly once. */
void runJob(QKeychain::Job *job, int timeoutMs, SecretStore::Done done, bool isRead)
{
    auto answered = std::make_shared<bool>(false);
    auto finish = [answered, done](const SecretOutcome &o) {
        if (*answered)
            return;
        *answered = true;
        done(o);
    };
    auto *timer = new QTimer(job);
    timer->setSingleShot(true);
    QObject::connect(timer, &QTimer::timeout, job, [finish] {
        SecretOutcome o = unavailable();
        o.error = Tr::tr("The keychain did not answer in time.");
        finish(o);
    });
    QObject::connect(job, &QKeychain::Job::finished, job, [finish, isRead](QKeychain::Job *j) {
        SecretOutcome o;
        switch (j->error()) {
        case QKeychain::NoError:
            o.ok = true;
            if (isRead)
                o.secret = static_cast<QKeychain::ReadPasswordJob *>(j)->binaryData();
            break;
        case QKeychain::EntryNotFound:
            o.error = Tr::tr("The keychain holds no key for this entry.");
            break;
        case QKeychain::NoBackendAvailable:
        case QKeychain::AccessDeniedByUser:
        case QKeychain::AccessDenied:
        case QKeychain::NotImplemented:
            o.unavailable = true;
            o.error = Tr::tr("No keychain is available: %1").arg(j->errorString());
            break;
        default:
            o.error = j->errorString();
            break;
        }
        finish(o);
    });
    job->setAutoDelete(true);
    timer->start(timeoutMs);
    job->start();
}

} // namespace

void KeychainSecretStore::write(const QString &account, const QByteArray &secret, Done done)
{
    auto *job = new QKeychain::WritePasswordJob(QString::fromLatin1(kService), this);
    job->setKey(account);
    job->setBinaryData(secret);
    runJob(job, m_timeoutMs, std::move(done), false);
}

void KeychainSecretStore::read(const QString &account, Done done)
{
    auto *job = new QKeychain::ReadPasswordJob(QString::fromLatin1(kService), this);
    job->setKey(account);
    runJob(job, m_timeoutMs, std::move(done), true);
}

void KeychainSecretStore::remove(const QString &account, Done done)
{
    auto *job = new QKeychain::DeletePasswordJob(QString::fromLatin1(kService), this);
    job->setKey(account);
    runJob(job, m_timeoutMs, std::move(done), false);
}

} // namespace Airgate::Console
