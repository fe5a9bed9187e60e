/*
 * lang: the client-facing texts of the activity sheet and the dashboard,
 * one row per key,
 * one column per language (en, it, pt, es, the order of enum hb_lang).
 * A new text is a new row with all four: tests/unit/test_lang.c refuses a
 * row with a language missing or empty, and a key given twice.
 */
#include <stdlib.h>
#include <string.h>

#include "hourbook/config.h"
#include "hourbook/diag.h"
#include "hourbook/lang.h"

const char *const hb_lang_codes[] = { "en", "it", "pt", "es", NULL };

const struct hb_lang_row hb_lang_table[] = {
	/* The sheets and the header block. */
	{ "sheet.activities", { "Activities", "Attività", "Atividades",
	  "Actividades" } },
	{ "sheet.summary", { "Summary", "Riepilogo", "Resumo", "Resumen" } },
	{ "title", { "Activity sheet", "Foglio attività",
	  "Relatório de atividades", "Hoja de actividades" } },
	{ "label.agency", { "Agency", "Agenzia", "Agência", "Agencia" } },
	{ "label.client", { "Client", "Cliente", "Cliente", "Cliente" } },
	{ "label.projects", { "Project", "Progetto", "Projeto", "Proyecto" } },
	{ "label.packages", { "Package", "Pacchetto", "Pacote", "Paquete" } },
	{ "label.period", { "Period", "Periodo", "Período", "Periodo" } },
	{ "label.from", { "from", "dal", "de", "desde" } },
	{ "label.to", { "to", "al", "até", "hasta" } },
	{ "label.all_time", { "from the start", "dall'inizio", "desde o início",
	  "desde el inicio" } },
	{ "label.made", { "Made on", "Redatto il", "Emitido em",
	  "Emitido el" } },
	{ "label.page", { "Page", "Pagina", "Página", "Página" } },
	{ "label.of", { "of", "di", "de", "de" } },
	{ "label.hours", { "hours", "ore", "horas", "horas" } },
	/* Plans. */
	{ "plan.standard", { "standard", "standard", "padrão", "estándar" } },
	{ "plan.monthly", { "monthly", "mensile", "mensal", "mensual" } },
	{ "plan.upfront", { "paid upfront", "pagato in anticipo",
	  "pago antecipado", "pagado por adelantado" } },
	/* The Activities sheet's headings. */
	{ "heading.task", { "Task", "Attività n.", "Tarefa", "Tarea" } },
	{ "heading.project", { "Project", "Progetto", "Projeto", "Proyecto" } },
	{ "heading.title", { "Title", "Titolo", "Título", "Título" } },
	{ "heading.assignee", { "Assignee", "Assegnata a", "Responsável",
	  "Asignada a" } },
	{ "heading.status", { "Status", "Stato", "Situação", "Estado" } },
	{ "heading.approval", { "Your approval", "Vostra approvazione",
	  "Sua aprovação", "Su aprobación" } },
	{ "heading.estimate", { "Estimate", "Stima", "Estimativa",
	  "Estimación" } },
	{ "heading.worked", { "Worked", "Lavorate", "Trabalhadas",
	  "Trabajadas" } },
	{ "heading.billed", { "Billed", "Fatturate", "Faturadas",
	  "Facturadas" } },
	{ "heading.due", { "Due", "Scadenza", "Prazo", "Vencimiento" } },
	{ "heading.delivered", { "Delivered", "Consegnata", "Entregue",
	  "Entregada" } },
	{ "heading.done", { "Done", "Conclusa", "Concluída", "Terminada" } },
	{ "heading.notes", { "Notes", "Note", "Observações", "Notas" } },
	{ "heading.your_note", { "Your note", "Vostra nota",
	  "Sua observação", "Su nota" } },
	/* Notes on a task. */
	{ "note.urgent", { "urgent", "urgente", "urgente", "urgente" } },
	{ "note.extra", { "extra", "extra", "extra", "extra" } },
	{ "note.rigid", { "fixed due date", "scadenza fissa", "prazo fixo",
	  "fecha fija" } },
	/* The totals rows. */
	{ "total.agreed", { "Total of agreed work", "Totale lavoro approvato",
	  "Total do trabalho aprovado", "Total del trabajo aprobado" } },
	{ "total.not_agreed", { "Listed, not in the total",
	  "Elencate, escluse dal totale", "Listadas, fora do total",
	  "Listadas, fuera del total" } },
	/* The legend. */
	{ "legend.title", { "How to read this sheet", "Come leggere il foglio",
	  "Como ler este relatório", "Cómo leer esta hoja" } },
	{ "legend.billed", { "Worked is the time spent; Billed is what it "
	  "draws from your hours: the same, except for urgent tasks.",
	  "Lavorate è il tempo impiegato; Fatturate è quanto viene scalato "
	  "dalle vostre ore: coincidono, salvo per le attività urgenti.",
	  "Trabalhadas é o tempo gasto; Faturadas é o que sai das suas horas: "
	  "o mesmo, exceto nas tarefas urgentes.",
	  "Trabajadas es el tiempo dedicado; Facturadas es lo que se descuenta "
	  "de sus horas: lo mismo, salvo en las tareas urgentes." } },
	{ "legend.urgent", { "Urgent tasks are billed at this multiple of the "
	  "time worked:",
	  "Le attività urgenti sono fatturate a questo multiplo del tempo "
	  "lavorato:",
	  "Tarefas urgentes são faturadas por este múltiplo do tempo "
	  "trabalhado:",
	  "Las tareas urgentes se facturan a este múltiplo del tiempo "
	  "trabajado:" } },
	{ "legend.extra", { "Extra: work outside the agreed plan, asked for "
	  "by you.",
	  "Extra: lavoro fuori dal piano concordato, richiesto da voi.",
	  "Extra: trabalho fora do plano combinado, pedido por você.",
	  "Extra: trabajo fuera del plan acordado, pedido por usted." } },
	{ "legend.totals", { "Totals count agreed work only: rejected, "
	  "cancelled and not yet approved tasks are listed but not totalled.",
	  "I totali contano solo il lavoro approvato: le attività rifiutate, "
	  "annullate o non ancora approvate sono elencate ma non sommate.",
	  "Os totais contam só o trabalho aprovado: tarefas rejeitadas, "
	  "canceladas ou ainda não aprovadas são listadas, mas não somadas.",
	  "Los totales cuentan solo el trabajo aprobado: las tareas "
	  "rechazadas, canceladas o aún no aprobadas se listan pero no se "
	  "suman." } },
	{ "legend.approval", { "Your approval: for each task waiting for "
	  "you, choose from the list (approve or reject an estimate; accept "
	  "a delivery or ask to revise it), add a note if you like, save and "
	  "send the file back; a dash where nothing is asked of you.",
	  "Vostra approvazione: per ogni attività che attende voi scegliete "
	  "dall'elenco (approvare o rifiutare una stima; accettare una "
	  "consegna o chiederne la revisione), aggiungete una nota se "
	  "volete, salvate e rimandateci il file; un trattino dove non vi si "
	  "chiede nulla.",
	  "Sua aprovação: para cada tarefa que espera por você, escolha da "
	  "lista (aprovar ou rejeitar uma estimativa; aceitar uma entrega ou "
	  "pedir uma revisão), escreva uma observação se quiser, salve e "
	  "devolva o arquivo; um traço onde nada lhe é pedido.",
	  "Su aprobación: para cada tarea que le espera, elija de la lista "
	  "(aprobar o rechazar una estimación; aceptar una entrega o pedir "
	  "que se revise), añada una nota si quiere, guarde y devuélvanos el "
	  "archivo; un guion donde no se le pide nada." } },
	/* The words of the approval cells' lists (task-set --sheet reads
	 * them back) and what a spreadsheet says of another word. */
	{ "decision.approve", { "approve", "approva", "aprovar", "aprobar" } },
	{ "decision.reject", { "reject", "rifiuta", "rejeitar", "rechazar" } },
	{ "decision.accept", { "accept", "accetta", "aceitar", "aceptar" } },
	{ "decision.revise", { "revise", "da rivedere", "revisar",
	  "revisar" } },
	{ "decision.error", { "Choose a word from the list, or leave the "
	  "cell empty.", "Scegliete una parola dall'elenco, o lasciate la "
	  "cella vuota.", "Escolha uma palavra da lista, ou deixe a célula "
	  "vazia.", "Elija una palabra de la lista, o deje la celda "
	  "vacía." } },
	{ "legend.summary", { "The Summary sheet gives each package's hours "
	  "over the period: opening + loaded - used - lapsed - committed = "
	  "available.",
	  "Il foglio Riepilogo dà le ore di ogni pacchetto nel periodo: "
	  "iniziali + caricate - usate - scadute - impegnate = disponibili.",
	  "A folha Resumo dá as horas de cada pacote no período: iniciais + "
	  "carregadas - usadas - expiradas - comprometidas = disponíveis.",
	  "La hoja Resumen da las horas de cada paquete en el periodo: "
	  "iniciales + cargadas - usadas - caducadas - comprometidas = "
	  "disponibles." } },
	/* Task states. */
	{ "status.idea", { "idea", "idea", "ideia", "idea" } },
	{ "status.requested", { "requested", "richiesta", "solicitada",
	  "solicitada" } },
	{ "status.estimated", { "estimated, awaiting your approval",
	  "stimata, in attesa di approvazione",
	  "estimada, aguardando sua aprovação",
	  "estimada, pendiente de su aprobación" } },
	{ "status.open", { "planned", "pianificata", "planejada",
	  "planificada" } },
	{ "status.approved", { "approved", "approvata", "aprovada",
	  "aprobada" } },
	{ "status.in-progress", { "in progress", "in corso", "em andamento",
	  "en curso" } },
	{ "status.blocked", { "waiting for information",
	  "in attesa di informazioni", "aguardando informações",
	  "esperando información" } },
	{ "status.delivered", { "delivered, awaiting your review",
	  "consegnata, in attesa di verifica",
	  "entregue, aguardando sua revisão",
	  "entregada, pendiente de su revisión" } },
	{ "status.revision", { "being revised", "in revisione", "em revisão",
	  "en revisión" } },
	{ "status.done", { "done", "conclusa", "concluída", "terminada" } },
	/* Done at the end of the contract term, the client's information
	 * not having come (deemed.h). */
	{ "status.deemed", { "deemed delivered", "considerata consegnata",
	  "considerada entregue", "considerada entregada" } },
	{ "status.rejected", { "rejected", "rifiutata", "rejeitada",
	  "rechazada" } },
	{ "status.cancelled", { "cancelled", "annullata", "cancelada",
	  "cancelada" } },
	/* Package states. */
	{ "package.quoted", { "quoted", "preventivato", "orçado",
	  "presupuestado" } },
	{ "package.invoiced", { "invoiced", "fatturato", "faturado",
	  "facturado" } },
	{ "package.active", { "active", "attivo", "ativo", "activo" } },
	{ "package.closed", { "closed", "chiuso", "encerrado", "cerrado" } },
	/* The Summary sheet's headings. */
	{ "summary.project", { "Project", "Progetto", "Projeto", "Proyecto" } },
	{ "summary.package", { "Package", "Pacchetto", "Pacote", "Paquete" } },
	{ "summary.plan", { "Plan", "Piano", "Plano", "Plan" } },
	{ "summary.status", { "Status", "Stato", "Situação", "Estado" } },
	{ "summary.opening", { "Opening", "Iniziali", "Iniciais",
	  "Iniciales" } },
	{ "summary.loaded", { "Loaded", "Caricate", "Carregadas",
	  "Cargadas" } },
	{ "summary.used", { "Used", "Usate", "Usadas", "Usadas" } },
	{ "summary.lapsed", { "Lapsed", "Scadute", "Expiradas",
	  "Caducadas" } },
	{ "summary.committed", { "Committed", "Impegnate", "Comprometidas",
	  "Comprometidas" } },
	{ "summary.available", { "Available", "Disponibili", "Disponíveis",
	  "Disponibles" } },
	{ "summary.beyond", { "Beyond the packages", "Oltre i pacchetti",
	  "Além dos pacotes", "Fuera de los paquetes" } },
	{ "summary.beyond_row", { "time not drawn from a package",
	  "tempo non scalato da un pacchetto",
	  "tempo não descontado de um pacote",
	  "tiempo no descontado de un paquete" } },
	{ "summary.total", { "Total", "Totale", "Total", "Total" } },
	{ "summary.note", { "Opening: usable at the start of the period; "
	  "committed: estimates of agreed tasks not yet worked; used plus "
	  "beyond the packages equals the Activities' billed time.",
	  "Iniziali: utilizzabili all'inizio del periodo; impegnate: stime "
	  "delle attività approvate non ancora lavorate; usate più oltre i "
	  "pacchetti è uguale alle ore fatturate delle Attività.",
	  "Iniciais: utilizáveis no início do período; comprometidas: "
	  "estimativas de tarefas aprovadas ainda não trabalhadas; usadas "
	  "mais além dos pacotes é igual às horas faturadas das Atividades.",
	  "Iniciales: utilizables al inicio del periodo; comprometidas: "
	  "estimaciones de tareas aprobadas aún no trabajadas; usadas más "
	  "fuera de los paquetes es igual a las horas facturadas de "
	  "Actividades." } },
	/* The vouchers used in the period, under the Summary. */
	{ "vouchers.title", { "Vouchers used", "Voucher utilizzati",
	  "Vouchers utilizados", "Vales utilizados" } },
	{ "vouchers.complaint", { "Complaint", "Reclamo", "Reclamação",
	  "Reclamación" } },
	{ "vouchers.where", { "Redeemed on", "Utilizzato su", "Utilizado em",
	  "Utilizado en" } },
	{ "vouchers.used", { "Used", "Utilizzato", "Utilizado",
	  "Utilizado" } },
	{ "vouchers.package", { "hours on package", "ore sul pacchetto",
	  "horas no pacote", "horas en el paquete" } },
	{ "vouchers.invoice", { "credit on invoice", "sconto in fattura",
	  "crédito na fatura", "abono en la factura" } },
	/* The client's dashboard (report-export dashboard). */
	{ "dash.title", { "Hours dashboard", "Cruscotto ore",
	  "Painel de horas", "Panel de horas" } },
	{ "dash.updated", { "Updated", "Aggiornato il", "Atualizado em",
	  "Actualizado el" } },
	{ "dash.packages", { "Packages", "Pacchetti", "Pacotes",
	  "Paquetes" } },
	{ "dash.no_packages", { "No package in the period.",
	  "Nessun pacchetto nel periodo.", "Nenhum pacote no período.",
	  "Ningún paquete en el periodo." } },
	{ "dash.expires", { "Expires", "Scade il", "Expira em",
	  "Vence el" } },
	{ "dash.no_expiry", { "no expiry", "nessuna scadenza", "sem validade",
	  "sin vencimiento" } },
	{ "dash.awaiting", { "awaiting payment", "in attesa di pagamento",
	  "aguardando pagamento", "pendiente de pago" } },
	{ "dash.share", { "of the loaded hours", "delle ore caricate",
	  "das horas carregadas", "de las horas cargadas" } },
	{ "dash.chart", { "Hours used per month", "Ore usate per mese",
	  "Horas usadas por mês", "Horas usadas por mes" } },
	{ "dash.chart_monthly", { "Each bar is the hours used in a month; the "
	  "line is the hours of a month of the plan.",
	  "Ogni barra sono le ore usate in un mese; la linea sono le ore "
	  "mensili del piano.",
	  "Cada barra são as horas usadas em um mês; a linha são as horas "
	  "mensais do plano.",
	  "Cada barra son las horas usadas en un mes; la línea son las horas "
	  "mensuales del plan." } },
	{ "dash.chart_total", { "Each bar is the hours used up to the end of "
	  "a month; the line is the hours loaded.",
	  "Ogni barra sono le ore usate fino alla fine del mese; la linea "
	  "sono le ore caricate.",
	  "Cada barra são as horas usadas até o fim do mês; a linha são as "
	  "horas carregadas.",
	  "Cada barra son las horas usadas hasta el fin del mes; la línea "
	  "son las horas cargadas." } },
	{ "dash.per_month", { "hours per month", "ore al mese",
	  "horas por mês", "horas al mes" } },
	{ "dash.used_to", { "used to the end of", "usate fino a fine",
	  "usadas até o fim de", "usadas hasta el fin de" } },
	{ "dash.used_in", { "used in", "usate in", "usadas em",
	  "usadas en" } },
	{ "dash.waiting", { "Waiting for you", "In attesa di una vostra "
	  "risposta", "Aguardando sua resposta", "Esperando su respuesta" } },
	{ "dash.nothing_waiting", { "Nothing is waiting for you.",
	  "Nulla attende una vostra risposta.",
	  "Nada aguarda sua resposta.", "Nada espera su respuesta." } },
	{ "dash.asked", { "What is asked", "Cosa serve", "O que é pedido",
	  "Qué se pide" } },
	{ "dash.since", { "Since", "Dal", "Desde", "Desde" } },
	{ "dash.days", { "Business days waiting", "Giorni lavorativi di "
	  "attesa", "Dias úteis de espera", "Días hábiles de espera" } },
	{ "ask.idea", { "proposal to approve", "proposta da approvare",
	  "proposta a aprovar", "propuesta por aprobar" } },
	{ "ask.estimated", { "estimate to approve", "stima da approvare",
	  "estimativa a aprovar", "estimación por aprobar" } },
	{ "ask.delivered", { "delivery to accept", "consegna da accettare",
	  "entrega a aceitar", "entrega por aceptar" } },
	{ "ask.blocked", { "information needed", "informazioni richieste",
	  "informações necessárias", "información necesaria" } },
	{ "dash.open", { "Work in progress", "Lavori in corso",
	  "Trabalho em andamento", "Trabajo en curso" } },
	{ "dash.no_open", { "No work in progress.", "Nessun lavoro in corso.",
	  "Nenhum trabalho em andamento.", "Ningún trabajo en curso." } },
	{ "dash.late", { "late", "in ritardo", "atrasada", "atrasada" } },
	{ "dash.comments", { "Latest comments", "Ultimi commenti",
	  "Últimos comentários", "Últimos comentarios" } },
	{ "dash.no_comments", { "No comments yet.", "Ancora nessun commento.",
	  "Nenhum comentário ainda.", "Aún no hay comentarios." } },
	{ "dash.author", { "From", "Da", "De", "De" } },
	{ "dash.date", { "Date", "Data", "Data", "Fecha" } },
	{ "dash.comment", { "Comment", "Commento", "Comentário",
	  "Comentario" } },
	{ "dash.invoices", { "Invoices", "Fatture", "Faturas", "Facturas" } },
	{ "dash.no_invoices", { "No invoice in the period.",
	  "Nessuna fattura nel periodo.", "Nenhuma fatura no período.",
	  "Ninguna factura en el periodo." } },
	{ "dash.invoice", { "Invoice", "Fattura", "Fatura", "Factura" } },
	{ "dash.month", { "Month", "Mese", "Mês", "Mes" } },
	{ "dash.amount", { "Amount", "Importo", "Valor", "Importe" } },
	{ "invoice.paid", { "paid", "pagata", "paga", "pagada" } },
	{ "invoice.awaiting", { "awaiting payment", "in attesa di pagamento",
	  "aguardando pagamento", "pendiente de pago" } },
	{ "invoice.issued", { "issued", "emessa", "emitida", "emitida" } },
	{ "dash.more", { "more", "altri", "mais", "más" } },
	{ "dash.footer", { "Hours are shown as hours:minutes. Committed: the "
	  "estimates of agreed tasks not yet worked. Available: loaded, less "
	  "used, lapsed and committed.",
	  "Le ore sono indicate come ore:minuti. Impegnate: le stime delle "
	  "attività approvate non ancora lavorate. Disponibili: caricate, "
	  "meno usate, scadute e impegnate.",
	  "As horas são indicadas como horas:minutos. Comprometidas: as "
	  "estimativas de tarefas aprovadas ainda não trabalhadas. "
	  "Disponíveis: carregadas, menos usadas, expiradas e comprometidas.",
	  "Las horas se indican como horas:minutos. Comprometidas: las "
	  "estimaciones de tareas aprobadas aún no trabajadas. Disponibles: "
	  "cargadas, menos usadas, caducadas y comprometidas." } },
	{ "dash.index", { "Client dashboards", "Cruscotti dei clienti",
	  "Painéis dos clientes", "Paneles de los clientes" } },
	{ "dash.index_note", { "For the agency only: this page lists every "
	  "client.", "Solo per l'agenzia: questa pagina elenca tutti i "
	  "clienti.", "Somente para a agência: esta página lista todos os "
	  "clientes.", "Solo para la agencia: esta página lista todos los "
	  "clientes." } },
	/* Months, short, for the chart and the period. */
	{ "month.1", { "Jan", "gen", "jan", "ene" } },
	{ "month.2", { "Feb", "feb", "fev", "feb" } },
	{ "month.3", { "Mar", "mar", "mar", "mar" } },
	{ "month.4", { "Apr", "apr", "abr", "abr" } },
	{ "month.5", { "May", "mag", "mai", "may" } },
	{ "month.6", { "Jun", "giu", "jun", "jun" } },
	{ "month.7", { "Jul", "lug", "jul", "jul" } },
	{ "month.8", { "Aug", "ago", "ago", "ago" } },
	{ "month.9", { "Sep", "set", "set", "sep" } },
	{ "month.10", { "Oct", "ott", "out", "oct" } },
	{ "month.11", { "Nov", "nov", "nov", "nov" } },
	{ "month.12", { "Dec", "dic", "dez", "dic" } },
};
const size_t hb_lang_rows = sizeof hb_lang_table / sizeof hb_lang_table[0];

int
hb_lang_find(const char *code)
{
	for (int i = 0; hb_lang_codes[i] != NULL; i++)
		if (strcmp(hb_lang_codes[i], code) == 0)
			return i;
	return -1;
}

const char *
hb_lang_text(enum hb_lang lang, const char *key)
{
	if ((int)lang < 0 || lang >= HB_NLANGS)
		hb_die(HB_EXIT_SOFTWARE, "language %d out of range", (int)lang);
	for (size_t i = 0; i < hb_lang_rows; i++)
		if (strcmp(hb_lang_table[i].key, key) == 0)
			return hb_lang_table[i].text[lang];
	hb_die(HB_EXIT_SOFTWARE, "no text for \"%s\"", key);
}

enum hb_lang
hb_lang_choose(struct hb_book *book, const char *given, const char *client)
{
	char *code;
	int lang;

	if (given != NULL && (lang = hb_lang_find(given)) >= 0)
		return (enum hb_lang)lang;
	if (client != NULL && (lang = hb_lang_find(client)) >= 0)
		return (enum hb_lang)lang;
	code = hb_config_get(book, "sheet.lang");
	lang = hb_lang_find(code);
	free(code);
	return lang < 0 ? HB_LANG_EN : (enum hb_lang)lang;
}
