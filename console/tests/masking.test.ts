import { describe, expect, it } from 'vitest'
import { isMasked, maskName, maskPhone, maskText } from '../src/domain/masking'

describe('masking as the API does it', () => {
  it('a name keeps its first character and one star, whatever its length', () => {
    expect(maskName('王芳')).toBe('王*')
    expect(maskName('欧阳娜娜')).toBe('欧*')
    expect(maskName('')).toBe('')
    expect(maskName(undefined)).toBe('')
  })

  it('a mobile keeps its prefix and last four; a landline its area code and last four', () => {
    expect(maskPhone('13812341234')).toBe('138****1234')
    expect(maskPhone('0353-7000010')).toBe('0353-****0010')
    expect(maskPhone('138****1234')).toBe('138****1234') // already masked by the API: shown as is
    expect(maskPhone('12345')).toBe('*****')
    expect(maskPhone(null)).toBe('')
  })

  it('numbers inside free text, also typed with spaces', () => {
    expect(maskText('请联系 138 1234 1234，身份证 11010519491231002X')).toBe('请联系 138****1234，身份证 1101**********002X')
    expect(maskText('3号楼2单元501')).toBe('3号楼2单元501')
  })

  it('knows a masked value', () => {
    expect(isMasked('138****1234')).toBe(true)
    expect(isMasked('13812341234')).toBe(false)
  })
})
