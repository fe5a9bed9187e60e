# The client's activity sheet (report-export activities -f xlsx): the
# header block, headings in each language, names for handles, typed
# cells, totals of agreed work only, the Summary's identity on every
# package row over a period, its used (plus what no package carried)
# equal to the Activities' billed, the print setup and the hidden
# "hourbook" sheet, the approval cells (lists, unlocked) and the
# protection; --lang refused when it is not one of the four.
. "$(dirname "$0")/lib.sh"
PY=/usr/bin/python3

client-add -q --lang it verde "Verde Costruzioni S.r.l." >/dev/null
book-config agency.name "Studio Rossi & Figli" >/dev/null
project-add -q --client verde --name "Verde website" --rate 60 verde-site >/dev/null
project-add -q --client verde --name "Verde app" --model self-service verde-app >/dev/null
member-add -q --client verde --name "Giulia Verde" --project verde-site giulia >/dev/null
member-add -q --rate 25 --name "Bruno Costa" --project verde-site bruno >/dev/null
member-add -q --project verde-app bruno >/dev/null
HOURBOOK_NOW=2026-10-01T09:00:00Z package-add -q --project verde-site --hours 10 >/dev/null
HOURBOOK_NOW=2026-10-01T09:00:00Z package-set -q --invoiced --date 2026-10-01 1 >/dev/null
HOURBOOK_NOW=2026-10-02T09:00:00Z package-set -q --paid --date 2026-10-02 1 >/dev/null
HOURBOOK_NOW=2026-10-01T09:00:00Z task-add -q --project verde-site --assign bruno --estimate 4h --due 2026-11-20 --rigid "Home page" >/dev/null
HOURBOOK_NOW=2026-10-01T09:00:00Z task-add -q --project verde-site --assign bruno --estimate 6h "Contact form" >/dev/null
HOURBOOK_NOW=2026-10-01T09:00:00Z task-add -q --project verde-site --assign bruno --estimate 1h --urgent "Fix checkout" >/dev/null
HOURBOOK_NOW=2026-10-01T09:00:00Z task-add -q --project verde-site --assign bruno --estimate 2h "Old plan" >/dev/null
HOURBOOK_NOW=2026-10-01T09:00:00Z task-add -q --project verde-app --assign bruno "App icon" >/dev/null
HOURBOOK_NOW=2026-10-20T09:00:00Z hours-log -q --person bruno --date 2026-10-20 1 2h >/dev/null
HOURBOOK_NOW=2026-11-05T09:00:00Z hours-log -q --person bruno --date 2026-11-05 1 2h30m >/dev/null
HOURBOOK_NOW=2026-11-06T09:00:00Z hours-log -q --person bruno --date 2026-11-06 3 50m >/dev/null
HOURBOOK_NOW=2026-11-07T09:00:00Z hours-log -q --person bruno --date 2026-11-07 4 1h >/dev/null
HOURBOOK_NOW=2026-11-08T09:00:00Z task-set -q --cancel 4 >/dev/null
# Beyond the package: the overdraft (10 h loaded, 2 + 2:30 + 2:30 drawn).
HOURBOOK_NOW=2026-11-09T09:00:00Z hours-log -q --overdraft --person bruno --date 2026-11-09 2 4h >/dev/null
HOURBOOK_NOW=2026-11-10T09:00:00Z hours-log -q --person bruno --date 2026-11-10 5 40m >/dev/null
HOURBOOK_NOW=2026-11-10T09:00:00Z task-add -q --as giulia --project verde-site "Gallery" >/dev/null
HOURBOOK_NOW=2026-11-11T09:00:00Z task-set -q --as bruno --estimate 3h 6 >/dev/null
HOURBOOK_NOW=2026-11-12T09:00:00Z task-set -q --as bruno --deliver 1 >/dev/null
# December's time is not November's.
HOURBOOK_NOW=2026-12-03T09:00:00Z hours-log -q --overdraft --person bruno --date 2026-12-03 2 1h >/dev/null
export HOURBOOK_NOW=2026-12-05T09:00:00Z

cat >"$T/check.py" <<'PY'
import sys, openpyxl
path, lang = sys.argv[1], sys.argv[2]
words = {
    "en": ("Activity sheet", "Task", "Billed", "Total of agreed work", "Summary", "Activities", "Used", "Beyond the packages", "delivered, awaiting your review"),
    "it": ("Foglio attività", "Attività n.", "Fatturate", "Totale lavoro approvato", "Riepilogo", "Attività", "Usate", "Oltre i pacchetti", "consegnata, in attesa di verifica"),
    "pt": ("Relatório de atividades", "Tarefa", "Faturadas", "Total do trabalho aprovado", "Resumo", "Atividades", "Usadas", "Além dos pacotes", "entregue, aguardando sua revisão"),
    "es": ("Hoja de actividades", "Tarea", "Facturadas", "Total del trabajo aprobado", "Resumen", "Actividades", "Usadas", "Fuera de los paquetes", "entregada, pendiente de su revisión"),
}[lang]
title, task, billed, total, summary, activities, used, beyond, delivered = words
wb = openpyxl.load_workbook(path)
assert wb.sheetnames == [activities, summary, "hourbook"], wb.sheetnames
assert wb["hourbook"].sheet_state == "hidden"
ws = wb[activities]
assert ws["A1"].value == title, ws["A1"].value
block = {ws.cell(r, 1).value: ws.cell(r, 2).value for r in range(2, 9)}
assert "Studio Rossi & Figli" in block.values(), block
assert "Verde Costruzioni S.r.l." in block.values(), block
assert any(v and "Verde website" in str(v) and "Verde app" in str(v) for v in block.values()), block
period = [r for r in range(2, 10) if ws.cell(r, 2).is_date and ws.cell(r, 3).is_date][0]
assert ws.cell(period, 2).value.date().isoformat() == "2026-11-01"
assert ws.cell(period, 3).value.date().isoformat() == "2026-11-30"
made = [r for r in range(2, 10) if ws.cell(r, 2).is_date and r != period][0]
assert ws.cell(made, 2).value.date().isoformat() == "2026-12-05"
head = [r for r in range(1, 20) if ws.cell(r, 1).value == task][0]
col = {c.value: c.column for c in ws[head] if c.value}
assert billed in col, col
rows = {}
r = head + 1
while isinstance(ws.cell(r, 1).value, int):
    rows[ws.cell(r, 1).value] = r
    r += 1
assert sorted(rows) == [1, 2, 3, 4, 5, 6], sorted(rows)
names = {ws.cell(x, c).value for x in rows.values() for c in range(1, ws.max_column + 1)}
assert "Bruno Costa" in names and "bruno" not in names and "verde-site" not in names
assert ws.cell(rows[1], col[billed]).number_format == "[h]:mm"
assert ws.cell(rows[1], col[billed]).value.total_seconds() == 150 * 60
assert ws.cell(rows[1], 1).data_type == "n"
states = [ws.cell(rows[1], c).value for c in range(1, ws.max_column + 1)]
assert delivered in states, states
mins = lambda c: round(c.value.total_seconds() / 60) if c.value is not None else 0
# Agreed: 1, 2, 3 (site) and 5 (app); 4 cancelled and 6 waiting for the
# client are listed, not totalled.
assert ws.cell(r, 1).value == total, ws.cell(r, 1).value
agreed = sum(mins(ws.cell(rows[t], col[billed])) for t in (1, 2, 3, 5))
assert mins(ws.cell(r, col[billed])) == agreed == 150 + 240 + 150 + 40, mins(ws.cell(r, col[billed]))
allbilled = sum(mins(ws.cell(x, col[billed])) for x in rows.values())
assert mins(ws.cell(r, col[billed])) + mins(ws.cell(r + 1, col[billed])) == allbilled
# The print setup.
assert ws.page_setup.orientation == "landscape"
assert ws.sheet_properties.pageSetUpPr.fitToPage and ws.page_setup.fitToWidth in (None, 1) and ws.page_setup.fitToHeight == 0
assert ws.print_title_rows == "$%d:$%d" % (head, head), ws.print_title_rows
assert "&P" in ws.oddFooter.right.text and "&N" in ws.oddFooter.right.text
assert ws.oddFooter.left.text == "Studio Rossi && Figli \u2013 Verde Costruzioni S.r.l.", ws.oddFooter.left.text
# The Summary: the identity on every package row, used + beyond = billed.
s = wb[summary]
h = {c.value: c.column for c in s[1] if c.value}
tot_used = tot_beyond = 0
for x in range(2, s.max_row + 1):
    v = lambda k: mins(s.cell(x, list(h.values())[k]))
    if isinstance(s.cell(x, 2).value, int):
        opening, loaded, usedv, lapsed, committed, available, beyondv = (v(k) for k in range(4, 11))
        assert opening + loaded - usedv - lapsed - committed == available, (x, opening, loaded, usedv, lapsed, committed, available)
        tot_used += usedv
        tot_beyond += beyondv
    elif s.cell(x, 1).value and s.cell(x, h[beyond]).value is not None and s.cell(x, 2).value is None and x < s.max_row - 2:
        tot_beyond += v(10)
assert tot_used + tot_beyond == allbilled, (tot_used, tot_beyond, allbilled)
assert tot_beyond == 120 + 40, tot_beyond    # 2 h of overdraft, and the self-service app
assert s.page_setup.orientation == "landscape" and s.print_title_rows == "$1:$1"
# The hidden record: ours (marker, version, book, language, the columns
# of the approval and the note), then each task row's row, task, state,
# updated and digest.
hb = wb["hourbook"]
assert [c.value for c in hb[1]][:2] == ["hourbook activity sheet", 1], [c.value for c in hb[1]]
assert hb["A2"].value == "book" and len(hb["B2"].value) == 32
assert (hb["A3"].value, hb["B3"].value) == ("lang", lang)
assert hb["A4"].value == "columns"
approval, note = hb["B4"].value + 1, hb["C4"].value + 1
assert [c.value for c in hb[5]] == ["row", "task", "state", "updated", "digest"]
got = {hb.cell(x, 2).value: (hb.cell(x, 1).value, hb.cell(x, 3).value, hb.cell(x, 4).value) for x in range(6, hb.max_row + 1)}
assert got[1] == (rows[1], "delivered", "2026-11-12T09:00:00Z"), got[1]
assert got[6][1] == "estimated" and got[4][1] == "cancelled"
assert all(len(hb.cell(x, 5).value) == 64 for x in range(6, hb.max_row + 1))
# The approval cells: empty, unlocked, a list of the two decisions in the
# sheet's language, where the client is asked (1 delivered, 6
# estimated); a dash, locked, elsewhere; every sheet protected.
decide = {"en": ("accept,revise", "approve,reject"), "it": ("accetta,da rivedere", "approva,rifiuta"),
          "pt": ("aceitar,revisar", "aprovar,rejeitar"), "es": ("aceptar,revisar", "aprobar,rechazar")}[lang]
lists = {str(dv.sqref): dv.formula1.strip('"') for dv in ws.data_validations.dataValidation}
for t, words in ((1, decide[0]), (6, decide[1])):
    c = ws.cell(rows[t], approval)
    assert c.value is None and c.protection.locked is False, (t, c.value)
    assert ws.cell(rows[t], note).protection.locked is False
    assert lists.get(c.coordinate) == words, (t, lists)
assert len(lists) == 2, lists
assert ws.cell(rows[2], approval).value == "\u2013" and ws.cell(rows[2], approval).protection.locked is not False
assert ws.cell(rows[2], note).protection.locked is not False
assert ws.protection.sheet and not ws.protection.password and s.protection.sheet and hb.protection.sheet
print("ok")
PY
for lang in en it pt es; do
	expect_exit 0 report-export activities --client verde --month 2026-11 --lang $lang -o "$T/$lang.xlsx"
	expect_eq "the sheet in $lang" ok "$($PY "$T/check.py" "$T/$lang.xlsx" $lang 2>&1 | tail -1)"
done
# The client's own language, then the book's.
expect_exit 0 report-export activities --client verde --month 2026-11 -o "$T/own.xlsx"
expect_eq "the client's language (it)" ok "$($PY "$T/check.py" "$T/own.xlsx" it 2>&1 | tail -1)"
client-add -q other >/dev/null
project-add -q --client other --model self-service oth >/dev/null
book-config sheet.lang es >/dev/null
expect_exit 0 report-export activities --project oth -o "$T/book.xlsx"
expect_eq "the book's sheet.lang for a client without one" "Hoja de actividades" "$($PY -c 'import sys, openpyxl; print(openpyxl.load_workbook(sys.argv[1]).worksheets[0]["A1"].value)' "$T/book.xlsx")"

# --lang: one of four, for the sheet only.
expect_exit 64 report-export activities --lang fr -o "$T/x.xlsx"
expect_err "a bad --lang names the four" '--lang: "fr" is not one of en, it, pt, es'
expect_exit 64 report-export activities --lang it
expect_err "--lang is for the xlsx sheet" "--lang is for the activity sheet in xlsx"
[ ! -e "$T/x.xlsx" ] && ok "no sheet written" || not_ok "no sheet written"

# The CSV keeps handles and codes.
expect_exit 0 report-export activities --client verde --month 2026-11
expect_eq "CSV keeps the handles" "1,verde-site,Home page,activity,bruno" "$(grep "^1," "$T/out" | cut -d, -f1-5)"

finish
