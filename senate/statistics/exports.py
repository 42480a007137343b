"""A dashboard table as CSV or as an XLSX workbook (openpyxl), cell for cell what the page shows."""

import csv
import io

from openpyxl import Workbook
from openpyxl.styles import Font

from senate.statistics.tables import Table

FORMATS = {
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}


def to_csv(table: Table) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(table.headers)
    writer.writerows(table.text_rows())  # 33.3 as the page shows it, not 33.333333333333336
    return ("\ufeff" + out.getvalue()).encode()  # a byte-order mark, so Excel reads the names as UTF-8


def to_xlsx(table: Table) -> bytes:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = table.key[:31]
    sheet.append([table.title])
    sheet["A1"].font = Font(bold=True, size=13)
    sheet.append(table.headers)
    for cell in sheet[2]:
        cell.font = Font(bold=True)
    for row in table.rows:
        sheet.append(row)
        for cell in sheet[sheet.max_row]:
            if isinstance(cell.value, float):
                cell.number_format = "0.0"  # shown as on the page; the full value stays for sums
    if table.note:
        sheet.append([])
        sheet.append([table.note])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
