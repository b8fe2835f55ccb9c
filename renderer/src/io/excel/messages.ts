// Every reason a file can be refused, in the Chinese the office reads. Each message is one
// sentence about the file; `refusal` puts the file name in front: "x.xlsx"：文件为空.

export const DEFAULT_MAX_BYTES = 20 * 1024 * 1024;

export const messages = {
  tooBig: (maxBytes: number) => `文件超过${formatSize(maxBytes)}，请确认是否为正确的表格`,
  empty: '文件为空',
  encryptedOrNotExcel: '文件已加密或不是Excel文件',
  openPassword: '文件设有打开密码，请在Excel中取消密码后再导入',
  notExcel: '不是Excel文件',
  wpsOnly: '是WPS表格文件，无法直接读取，请在WPS中另存为.xlsx后再导入',
  htmlRenamed: '是网页文件（HTML）改成了Excel的扩展名，并不是真正的Excel文件，请用Excel打开后另存为.xlsx再导入',
  textRenamed: '是文本文件（如CSV）改成了Excel的扩展名，并不是真正的Excel文件，请用Excel打开后另存为.xlsx再导入',
  xmlSpreadsheet: '是XML格式的表格（Excel 2003 XML），并不是真正的.xlsx或.xls文件，请用Excel打开后另存为.xlsx再导入',
  otherOfficeDocument: (kind: string) => `是${kind}，不是Excel文件`,
  truncated: '文件不完整（可能下载或复制时中断），请重新获取',
  tooManyParts: (limit: number) => `文件内部部件超过${limit}个，不像正常的表格，疑似恶意文件，已拒绝`,
  tooLargeUnpacked: (maxBytes: number) => `文件解压后超过${formatSize(maxBytes)}，疑似恶意文件（压缩炸弹），已拒绝`,
  suspiciousRatio: '文件压缩比异常，疑似恶意文件（压缩炸弹），已拒绝',
  unsafeXml: '文件含有不安全的XML声明，已拒绝',
  unsafePath: '文件内部含有异常的路径（如"../"），疑似恶意文件，已拒绝',
  tooManyCells: (limit: number) =>
    `表格的行和单元格超过${formatCount(limit)}个（常见原因是整行或整列设置了格式），请在Excel中删除表格以外多余的行和列，另存后再导入`,
  corrupt: '文件已损坏或格式不受支持，无法读取，请用Excel打开后另存为.xlsx再导入',
  noSheets: '文件中没有可读取的工作表',
  cellTooLong: (sheet: string, cell: string) =>
    `工作表"${sheet}"${cell}单元格的文字超过Excel的上限（32767个字符），无法导入，请缩短后再导入`,
  overlappingMerges: (sheet: string, a: string, b: string) =>
    `工作表"${sheet}"的合并单元格${a}与${b}相互重叠，文件已损坏，请用Excel打开后另存为.xlsx再导入`,
  pictureCell: (cell: string) => `${cell}单元格是WPS嵌入单元格的图片，图片无法导入，该单元格按空白读取`,
  morePictureCells: (count: number) => `另有${count}个单元格是WPS嵌入单元格的图片，均按空白读取`,
  timeout: (ms: number) => `解析超时（超过${Math.max(1, Math.round(ms / 1000))}秒），文件可能过大或已损坏`,
  workerFailed: '解析失败（后台读取程序出错），请重试',
} as const;

/** The one message a refused file shows: the file name in quotes, a full-width colon, the reason. */
export function refusal(fileName: string, message: string): { ok: false; fileName: string; message: string } {
  return { ok: false, fileName, message: `"${fileName}"：${message}` };
}

function formatSize(bytes: number): string {
  const round = (n: number) => (Number.isInteger(n) ? String(n) : n.toFixed(1));
  if (bytes >= 1024 * 1024) return `${round(bytes / (1024 * 1024))}MB`;
  return `${round(Math.max(bytes, 1) / 1024)}KB`;
}

/** 300000 → '30万', 2000 → '2000'. */
function formatCount(n: number): string {
  return n >= 10_000 && n % 10_000 === 0 ? `${n / 10_000}万` : String(n);
}
