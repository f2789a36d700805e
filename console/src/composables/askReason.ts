import { ElMessageBox } from 'element-plus'

/** Asks for a required reason (declines, rejections, revocations); null when the user cancels. */
export async function askReason(title: string, message: string, confirmText = '确定'): Promise<string | null> {
  try {
    const r = await ElMessageBox.prompt(message, title, {
      confirmButtonText: confirmText, cancelButtonText: '取消', type: 'warning',
      inputValidator: (v: string) => (!!v && v.trim().length > 0 && v.trim().length <= 500) || '请填写原因（500 字以内）',
    })
    return (r as { value: string }).value.trim()
  } catch {
    return null
  }
}
