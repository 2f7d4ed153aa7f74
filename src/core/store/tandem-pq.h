/* tandem-pq.h — libpq, loaded the first time a team server is used
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Linking libpq made every start of Tandem and tandem-cli load some twenty
 * libraries it pulls in (OpenSSL, Kerberos, LDAP, GnuTLS…): 6 ms of a chart
 * export and of the window's first frame, for a server most people never
 * use. The store calls libpq through this table instead, filled by
 * tandem_pq_load() from libpq.so.5. Include after libpq-fe.h; the PQ names
 * below then call through the table.
 */
#pragma once

#include <glib.h>
#include <libpq-fe.h>

G_BEGIN_DECLS

typedef struct
{
  __typeof__ (&PQbackendPID)              backendPID;
  __typeof__ (&PQclear)                   clear;
  __typeof__ (&PQcmdTuples)               cmdTuples;
  __typeof__ (&PQconnectdbParams)         connectdbParams;
  __typeof__ (&PQconnectionNeedsPassword) connectionNeedsPassword;
  __typeof__ (&PQconnectionUsedPassword)  connectionUsedPassword;
  __typeof__ (&PQconninfoFree)            conninfoFree;
  __typeof__ (&PQconninfoParse)           conninfoParse;
  __typeof__ (&PQconsumeInput)            consumeInput;
  __typeof__ (&PQdb)                      db;
  __typeof__ (&PQdescribePrepared)        describePrepared;
  __typeof__ (&PQerrorMessage)            errorMessage;
  __typeof__ (&PQexec)                    exec;
  __typeof__ (&PQexecParams)              execParams;
  __typeof__ (&PQfinish)                  finish;
  __typeof__ (&PQfname)                   fname;
  __typeof__ (&PQfreemem)                 freemem;
  __typeof__ (&PQftype)                   ftype;
  __typeof__ (&PQgetisnull)               getisnull;
  __typeof__ (&PQgetvalue)                getvalue;
  __typeof__ (&PQnfields)                 nfields;
  __typeof__ (&PQnotifies)                notifies;
  __typeof__ (&PQntuples)                 ntuples;
  __typeof__ (&PQprepare)                 prepare;
  __typeof__ (&PQresultErrorField)        resultErrorField;
  __typeof__ (&PQresultStatus)            resultStatus;
  __typeof__ (&PQsocket)                  socket;
  __typeof__ (&PQstatus)                  status;
  __typeof__ (&PQtransactionStatus)       transactionStatus;
  __typeof__ (&PQuser)                    user;
} TandemPq;

extern TandemPq tandem_pq;

gboolean tandem_pq_load (GError **error);

#ifndef TANDEM_PQ_TABLE
#define PQbackendPID              (tandem_pq.backendPID)
#define PQclear                   (tandem_pq.clear)
#define PQcmdTuples               (tandem_pq.cmdTuples)
#define PQconnectdbParams         (tandem_pq.connectdbParams)
#define PQconnectionNeedsPassword (tandem_pq.connectionNeedsPassword)
#define PQconnectionUsedPassword  (tandem_pq.connectionUsedPassword)
#define PQconninfoFree            (tandem_pq.conninfoFree)
#define PQconninfoParse           (tandem_pq.conninfoParse)
#define PQconsumeInput            (tandem_pq.consumeInput)
#define PQdb                      (tandem_pq.db)
#define PQdescribePrepared        (tandem_pq.describePrepared)
#define PQerrorMessage            (tandem_pq.errorMessage)
#define PQexec                    (tandem_pq.exec)
#define PQexecParams              (tandem_pq.execParams)
#define PQfinish                  (tandem_pq.finish)
#define PQfname                   (tandem_pq.fname)
#define PQfreemem                 (tandem_pq.freemem)
#define PQftype                   (tandem_pq.ftype)
#define PQgetisnull               (tandem_pq.getisnull)
#define PQgetvalue                (tandem_pq.getvalue)
#define PQnfields                 (tandem_pq.nfields)
#define PQnotifies                (tandem_pq.notifies)
#define PQntuples                 (tandem_pq.ntuples)
#define PQprepare                 (tandem_pq.prepare)
#define PQresultErrorField        (tandem_pq.resultErrorField)
#define PQresultStatus            (tandem_pq.resultStatus)
#define PQsocket                  (tandem_pq.socket)
#define PQstatus                  (tandem_pq.status)
#define PQtransactionStatus       (tandem_pq.transactionStatus)
#define PQuser                    (tandem_pq.user)
#endif

G_END_DECLS
