// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "services/gatewaysupervisor.h"

#include <QAbstractTableModel>
#include <QJsonObject>
#include <QSortFilterProxyModel>
#include <QWidget>

class QComboBox;
class QSettings;
class QSplitter;
class QLabel;
class QLineEdit;
class QListWidget;
class QPlainTextEdit;
class QPushButton;
class QTableView;
class QTableWidget;
class QTabWidget;
class QNetworkAccessManager;

namespace Airgate::Console {

class KeyManager;
class WorkspaceModel;

/** @brief The gateway's access log as it streams in (newest first, bounded). */
class AccessLogModel final : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column {
        Time,
        Method,
        Host,
        Path,
        Status,
        Duration,
        Api,
        Application,
        Plan,
        Reason,
        Count
    };
    using QAbstractTableModel::QAbstractTableModel;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation o, int role = Qt::DisplayRole) const override;
    void add(const QJsonObject &entry);
    void clear();
    const QJsonObject &entry(int row) const { return m_rows[row]; }
    static constexpr int kMaxRows = 5000;

private:
    QList<QJsonObject> m_rows;
};

/** @brief Filters the access log by API, application and status class. */
class AccessLogFilter final : public QSortFilterProxyModel
{
    Q_OBJECT

public:
    using QSortFilterProxyModel::QSortFilterProxyModel;
    void setApi(const QString &api);
    void setApplication(const QString &app);
    /** 0 = all, 2..5 = that status class. */
    void setStatusClass(int cls);

protected:
    bool filterAcceptsRow(int row, const QModelIndex &parent) const override;

private:
    QString m_api;
    QString m_app;
    int m_class = 0;
};

/** @brief Request rate, mean latency and error rate over the last minutes, from /metrics. */
class TrafficCharts final : public QWidget
{
    Q_OBJECT

public:
    explicit TrafficCharts(QWidget *parent = nullptr);
    void setSamples(const QList<MetricsSample> &samples);
    /// Modest: the access log below gets the panel's height first.
    QSize sizeHint() const override { return {600, 84}; }
    /** The latest derived figures: requests/s, mean latency ms, errors/s. */
    double rate() const { return m_rate.isEmpty() ? 0 : m_rate.last(); }
    double latencyMs() const { return m_latency.isEmpty() ? 0 : m_latency.last(); }
    double errorRate() const { return m_errors.isEmpty() ? 0 : m_errors.last(); }

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    QList<double> m_rate;
    QList<double> m_latency;
    QList<double> m_errors;
};

/**
 * @brief The supervised gateway: start/stop/restart, listeners, generation, ignored resources
 * with reasons, live access log with filters, traffic charts, "Open portal" and a try-request
 * box that sends a request with an application's key from the keychain.
 */
class GatewayPanel final : public QWidget
{
    Q_OBJECT

public:
    GatewayPanel(GatewaySupervisor *gateway, WorkspaceModel *model, KeyManager *keys,
                 QWidget *parent = nullptr);

    QSize sizeHint() const override { return {800, 150}; }
    AccessLogModel *accessLog() const { return m_log; }
    AccessLogFilter *accessLogFilter() const { return m_filter; }
    TrafficCharts *charts() const { return m_charts; }
    QTableView *accessLogView() const { return m_logView; }
    /** Access log rows the panel shows at its present size. */
    int visibleLogRows() const;
    /** The panel's height at which the access log shows @p rows rows. */
    int heightForLogRows(int rows) const;
    QTableWidget *ignoredTable() const { return m_ignored; }
    QListWidget *listeners() const { return m_listeners; }
    QLabel *stateLabel() const { return m_stateLabel; }
    QPlainTextEdit *responseView() const { return m_response; }
    QTabWidget *tabs() const { return m_tabs; }
    /** The base URL of the first portal preview listener, if any. */
    QString portalUrl() const;
    /** Sends the try-request box's request (the Send button). */
    void sendTryRequest();
    QLineEdit *tryPath() const { return m_tryPath; }
    QLineEdit *tryHost() const { return m_tryHost; }
    QComboBox *tryMethod() const { return m_tryMethod; }
    /** Extra request headers, one "Name: value" a line. */
    QPlainTextEdit *tryHeaders() const { return m_tryHeaders; }
    QPlainTextEdit *tryBody() const { return m_tryBody; }
    /** Whose key is sent: "(no key)", a key in the keychain, or "Paste a key…". */
    QComboBox *tryApplication() const { return m_tryApp; }
    /** The pasted key (with "Paste a key…"): sent once, then cleared; never stored. */
    QLineEdit *tryPastedKey() const { return m_tryKey; }
    /// The tryApplication() entry whose key is pasted.
    static inline const QString kPastedKey = QStringLiteral("#paste");
    /** The banner above the tabs: the last good configuration being served (with its error and
     * a reload button), or a gateway an earlier console left. Hidden when there is nothing. */
    QWidget *banner() const { return m_banner; }
    QString bannerText() const;
    /** "Open portal": the preview in the default browser; says so when none starts. */
    void openPortal();
    void saveLayout(QSettings &settings) const;
    void restoreLayout(const QSettings &settings);

signals:
    void responseShown();
    /** The user changed the panel's tab or split: the window saves its layout. */
    void layoutChanged();

private:
    void updateState();
    void showStatus(const QJsonObject &status);
    void refreshFilters();
    void refreshApplications();
    void sendWith(const QByteArray &key);
    void showTryResponse();
    /** The access log entry of the last try-request: the gateway's reason. */
    void matchTryEvent(const QJsonObject &entry);
    void showBanner(const QString &text, bool error, bool reload);

    GatewaySupervisor *m_gateway;
    WorkspaceModel *m_model;
    KeyManager *m_keys;
    AccessLogModel *m_log;
    AccessLogFilter *m_filter;
    TrafficCharts *m_charts;
    QTabWidget *m_tabs;
    QTableView *m_logView;
    QWidget *m_content;
    QLabel *m_stateLabel;
    QWidget *m_banner;
    QLabel *m_bannerText;
    QPushButton *m_bannerReload;
    bool m_bannerIsLastGood = false;
    QPushButton *m_start;
    QPushButton *m_stop;
    QPushButton *m_restart;
    QPushButton *m_portal;
    QListWidget *m_listeners;
    QTableWidget *m_ignored;
    QSplitter *m_statusSplit;
    QPlainTextEdit *m_gatewayLog;
    QComboBox *m_apiFilter;
    QComboBox *m_appFilter;
    QComboBox *m_statusFilter;
    QComboBox *m_tryEntry;
    QComboBox *m_tryMethod;
    QLineEdit *m_tryPath;
    QLineEdit *m_tryHost;
    QComboBox *m_tryApp;
    QLineEdit *m_tryKey;
    QPlainTextEdit *m_tryHeaders;
    QPlainTextEdit *m_tryBody;
    QPlainTextEdit *m_response;
    /// The last try-request: what was sent, what came back, and its access log entry.
    struct TryRequest
    {
        QString method;
        QString path;
        qint64 sentAtMs = 0;
        bool answered = false;
        QString head; ///< status line and headers
        QByteArray body;
        QJsonObject logEntry;
    } m_try;
    QNetworkAccessManager *m_net;
};

} // namespace Airgate::Console
