/*
 * lang: the client-facing texts of the activity sheet, one row per key,
 * one column per language (en, it, pt, es, the order of enum hb_lang).
 * A new text is a new row with all four: tests/unit/test_lang.c refuses a
 * row with a language missing or empty, and a key given twice.
 */
#include <string.h>

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
