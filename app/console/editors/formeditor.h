// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "model/kind.h"

#include <QHash>
#include <QPointer>
#include <QWidget>

class QFormLayout;
class QLabel;
class QVBoxLayout;

namespace Airgate::Schema {
struct Node;
}

namespace Airgate::Console {

class SettingsForm;
class WorkspaceModel;

/**
 * @brief A form for any resource, built from its CRD schema: typed fields, enums as choices,
 * durations checked as typed, references as pick-lists of existing resources (with "Create…"),
 * list items added, removed and reordered, maps as key/value rows, optional sections switched
 * on and off. Every schema or CEL problem of the resource is shown on the field that causes it.
 *
 * Each field widget's objectName is its field path ("spec.apiPlan.name"), which tests and the
 * problems panel use to find it.
 */
class FormEditor final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FormEditor)

public:
    explicit FormEditor(WorkspaceModel *model, QWidget *parent = nullptr);

    void setResource(const QString &key);
    const QString &resourceKey() const { return m_key; }
    /** Focuses the widget of @p fieldPath (or its closest parent); @return whether one was found.
     */
    bool focusField(const QString &fieldPath);
    /** The widget showing @p fieldPath, if any. */
    QWidget *fieldWidget(const QString &fieldPath) const;
    /** The problem text shown under @p fieldPath (empty when none). */
    QString problemText(const QString &fieldPath) const;
    /** The form of airgate.yaml while it is shown (WorkspaceModel::kSettingsKey), else null. */
    SettingsForm *settingsForm() const;

signals:
    /** "Create…" in a reference pick-list: a new @p kind named by the user, to fill @p fieldPath.
     */
    void createRequested(Kind kind, const QString &ns, const QString &fieldPath);

private:
    struct Binding
    {
        QPointer<QWidget> widget;
        QPointer<QLabel> problem;
        QString type; ///< "string", "integer", "boolean", "enum", "duration", "reference", "text",
                      ///< "group"
    };

    void rebuild();
    void refresh();
    void showProblems();
    QString structureSignature() const;
    void buildObject(QFormLayout *form, const Schema::Node &schema, const QString &path, int depth);
    void addField(QFormLayout *form, const QString &label, const Schema::Node &schema,
                  const QString &path, bool required, int depth);
    QWidget *scalarWidget(const Schema::Node &schema, const QString &path, const QString &name,
                          QString &type);
    void addList(QFormLayout *form, const QString &label, const Schema::Node &schema,
                 const QString &path, int depth);
    void addMap(QFormLayout *form, const QString &label, const QString &path);
    void addMetadata(QFormLayout *form);
    void bind(const QString &path, QWidget *w, const QString &type, QFormLayout *form,
              const QString &label);
    void setWidgetValue(const QString &path, const Binding &b);

    WorkspaceModel *m_model;
    QString m_key;
    QVBoxLayout *m_layout = nullptr;
    QWidget *m_body = nullptr;
    QPointer<SettingsForm> m_settings;
    QHash<QString, Binding> m_bindings;
    QString m_signature;
    QHash<QString, QString> m_clearedNames; ///< key of a resource whose name was emptied → old name
    bool m_updating = false;
};

} // namespace Airgate::Console
