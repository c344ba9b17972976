// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "services/keymanager.h"

#include <QDialog>

class QLabel;
class QLineEdit;
class QPushButton;
class QTableWidget;

namespace Airgate::Console {

/**
 * @brief Shows a new key once: the plaintext (selectable, with a copy button) and where it is
 * kept — in the keychain, or nowhere when no keychain is available (then it must be copied now).
 */
class NewKeyDialog final : public QDialog
{
    Q_OBJECT

public:
    NewKeyDialog(const NewKey &key, const QString &backend, QWidget *parent = nullptr);
    ~NewKeyDialog() override;
    QLineEdit *keyField() const { return m_key; }
    QLabel *storageLabel() const { return m_storage; }
    QPushButton *copyButton() const { return m_copy; }

private:
    QLineEdit *m_key;
    QLabel *m_storage;
    QPushButton *m_copy;
};

/** @brief The keys of one ManagedApplication: generate, rotate, suspend/resume, revoke, title. */
class KeysDialog final : public QDialog
{
    Q_OBJECT

public:
    KeysDialog(KeyManager *keys, const QString &appKey, QWidget *parent = nullptr);
    QTableWidget *table() const { return m_table; }
    void generate(const QString &title);
    void rotateSelected();
    void toggleSuspendSelected();
    void revokeSelected(bool confirm = true);
    void setSelectedTitle(const QString &title);
    /** The dialog that showed the last new key (tests read and close it). */
    NewKeyDialog *lastShown() const { return m_lastShown; }

signals:
    void keyShown(Airgate::Console::NewKeyDialog *dialog);

private:
    void reload();
    int selectedIndex() const;
    void showKey(const NewKey &key);

    KeyManager *m_keys;
    QString m_appKey;
    QTableWidget *m_table;
    QPointer<NewKeyDialog> m_lastShown;
};

} // namespace Airgate::Console
