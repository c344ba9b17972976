// SPDX-License-Identifier: Apache-2.0
#include "keydialogs.h"

#include "consoletr.h"
#include "models/workspacemodel.h"

#include <QApplication>
#include <QClipboard>
#include <QDialogButtonBox>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

namespace Airgate::Console {

NewKeyDialog::NewKeyDialog(const NewKey &key, const QString &backend, QWidget *parent)
    : QDialog(parent)
{
    setWindowTitle(Tr::tr("New API key"));
    auto *l = new QVBoxLayout(this);
    auto *intro = new QLabel(
        Tr::tr("<b>This is the only time the key is shown.</b> The workspace holds only its "
               "SHAKE256 digest (Secret <tt>%1</tt>).")
            .arg(key.secretName.toHtmlEscaped()),
        this);
    intro->setWordWrap(true);
    l->addWidget(intro);
    auto *row = new QHBoxLayout;
    m_key = new QLineEdit(QString::fromLatin1(key.plaintext), this);
    m_key->setReadOnly(true);
    m_key->setObjectName(QStringLiteral("newKey"));
    m_key->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_key->setMinimumWidth(m_key->fontMetrics().horizontalAdvance(m_key->text()) + 24);
    m_copy = new QPushButton(Tr::tr("&Copy"), this);
    row->addWidget(m_key, 1);
    row->addWidget(m_copy);
    l->addLayout(row);
    m_storage = new QLabel(this);
    m_storage->setWordWrap(true);
    m_storage->setObjectName(QStringLiteral("keyStorage"));
    if (key.stored)
        m_storage->setText(Tr::tr("Stored in the keychain (%1), where the console's try-request "
                                  "box reads it.")
                               .arg(backend));
    else if (key.unavailable)
        m_storage->setText(Tr::tr("<b>No keychain is available</b> (%1). The key is kept nowhere: "
                                  "copy it now and hand it to the application's owner.")
                               .arg(key.storeError.toHtmlEscaped()));
    else
        m_storage->setText(Tr::tr("<b>The keychain refused the key</b> (%1). Copy it now.")
                               .arg(key.storeError.toHtmlEscaped()));
    l->addWidget(m_storage);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    l->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_copy, &QPushButton::clicked, this, [this] {
        QApplication::clipboard()->setText(m_key->text());
        m_copy->setText(Tr::tr("Copied"));
    });
}

NewKeyDialog::~NewKeyDialog()
{
    // Drop the plaintext from widget memory as early as the dialog goes.
    m_key->setText(QString(m_key->text().size(), u'x'));
}

KeysDialog::KeysDialog(KeyManager *keys, const QString &appKey, QWidget *parent)
    : QDialog(parent)
    , m_keys(keys)
    , m_appKey(appKey)
{
    setWindowTitle(Tr::tr("API keys of %1").arg(appKey.section(u'|', 1).replace(u'|', u'/')));
    resize(640, 320);
    auto *l = new QVBoxLayout(this);
    m_table = new QTableWidget(0, 4, this);
    m_table->setObjectName(QStringLiteral("keysTable"));
    m_table->setHorizontalHeaderLabels(
        {Tr::tr("Title"), Tr::tr("Secret"), Tr::tr("State"), Tr::tr("Digest")});
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->verticalHeader()->hide();
    l->addWidget(m_table, 1);
    auto *row = new QHBoxLayout;
    auto *gen = new QPushButton(Tr::tr("&Generate…"), this);
    auto *rot = new QPushButton(Tr::tr("&Rotate"), this);
    auto *sus = new QPushButton(Tr::tr("&Suspend / resume"), this);
    auto *title = new QPushButton(Tr::tr("&Title…"), this);
    auto *rev = new QPushButton(Tr::tr("Re&voke"), this);
    for (auto *b : {gen, rot, sus, title, rev})
        row->addWidget(b);
    row->addStretch(1);
    l->addLayout(row);
    auto *note = new QLabel(Tr::tr("Rotating adds a new key beside the old one; revoke the old one "
                                   "once clients have switched. Plaintext keys live only in the "
                                   "keychain (%1).")
                                .arg(keys->store() ? keys->store()->backendName() : QString()),
                            this);
    note->setWordWrap(true);
    l->addWidget(note);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    l->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(gen, &QPushButton::clicked, this, [this] {
        bool ok = false;
        const QString t = QInputDialog::getText(this, Tr::tr("New API key"), Tr::tr("Title:"),
                                                QLineEdit::Normal, QString(), &ok);
        if (ok)
            generate(t);
    });
    connect(rot, &QPushButton::clicked, this, &KeysDialog::rotateSelected);
    connect(sus, &QPushButton::clicked, this, &KeysDialog::toggleSuspendSelected);
    connect(rev, &QPushButton::clicked, this, [this] { revokeSelected(true); });
    connect(title, &QPushButton::clicked, this, [this] {
        const int i = selectedIndex();
        if (i < 0)
            return;
        bool ok = false;
        const QString t
            = QInputDialog::getText(this, Tr::tr("Key title"), Tr::tr("Title:"), QLineEdit::Normal,
                                    m_table->item(i, 0)->text(), &ok);
        if (ok)
            setSelectedTitle(t);
    });
    reload();
}

void KeysDialog::reload()
{
    const int sel = selectedIndex();
    const QList<AppKey> ks = m_keys->keys(m_appKey);
    m_table->setRowCount(static_cast<int>(ks.size()));
    for (int i = 0; i < ks.size(); ++i) {
        const AppKey &k = ks[i];
        m_table->setItem(i, 0, new QTableWidgetItem(k.title));
        m_table->setItem(
            i, 1, new QTableWidgetItem(k.inlineValue ? Tr::tr("(inline digest)") : k.secretName));
        m_table->setItem(
            i, 2, new QTableWidgetItem(k.suspended ? Tr::tr("suspended") : Tr::tr("active")));
        m_table->setItem(i, 3,
                         new QTableWidgetItem(k.digestOk ? Tr::tr("SHAKE256 digest")
                                                         : Tr::tr("missing or not a digest")));
    }
    if (sel >= 0 && sel < m_table->rowCount())
        m_table->selectRow(sel);
}

int KeysDialog::selectedIndex() const
{
    const auto rows = m_table->selectionModel()->selectedRows();
    return rows.isEmpty() ? -1 : rows.first().row();
}

void KeysDialog::showKey(const NewKey &key)
{
    reload();
    auto *d
        = new NewKeyDialog(key, m_keys->store() ? m_keys->store()->backendName() : QString(), this);
    d->setAttribute(Qt::WA_DeleteOnClose);
    m_lastShown = d;
    d->open();
    emit keyShown(d);
}

void KeysDialog::generate(const QString &title)
{
    m_keys->generate(m_appKey, title, [this, guard = QPointer<KeysDialog>(this)](const NewKey &k) {
        if (guard)
            showKey(k);
    });
    reload();
}

void KeysDialog::rotateSelected()
{
    const int i = selectedIndex();
    if (i < 0)
        return;
    m_keys->rotate(m_appKey, i, [this, guard = QPointer<KeysDialog>(this)](const NewKey &k) {
        if (guard)
            showKey(k);
    });
    reload();
}

void KeysDialog::toggleSuspendSelected()
{
    const int i = selectedIndex();
    if (i < 0)
        return;
    const QList<AppKey> ks = m_keys->keys(m_appKey);
    m_keys->setSuspended(m_appKey, i, !ks[i].suspended);
    reload();
}

void KeysDialog::setSelectedTitle(const QString &title)
{
    const int i = selectedIndex();
    if (i < 0)
        return;
    m_keys->setTitle(m_appKey, i, title);
    reload();
}

void KeysDialog::revokeSelected(bool confirm)
{
    const int i = selectedIndex();
    if (i < 0)
        return;
    if (confirm
        && QMessageBox::question(this, Tr::tr("Revoke API key"),
                                 Tr::tr("Revoke “%1”? Clients using it get 401 once the change is "
                                        "deployed; the key is removed from the keychain.")
                                     .arg(m_table->item(i, 0)->text()))
            != QMessageBox::Yes)
        return;
    m_keys->revoke(m_appKey, i);
    reload();
}

} // namespace Airgate::Console
