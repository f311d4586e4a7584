import type { Prng } from './prng';
import type { Sex } from './idNumber';

export interface GivenName {
  text: string;
  sex: Sex;
}

export interface PersonName {
  name: string;
  sex: Sex;
}

/**
 * Hands out distinct full names (surname + given name) in a deterministic order. Names never repeat
 * within one namer, so a ledger's person is unambiguous by name as well as by 身份证号.
 */
export function createNamer(prng: Prng, surnames: readonly string[], givenNames: readonly GivenName[]) {
  const all: PersonName[] = [];
  for (const surname of surnames) {
    for (const given of givenNames) all.push({ name: surname + given.text, sex: given.sex });
  }
  const order = prng.shuffle(all);
  let next = 0;
  return (): PersonName => {
    if (next >= order.length) throw new Error('ran out of distinct names');
    return order[next++];
  };
}

/** Common surnames in 增城 / the Pearl River delta. */
export const CANTONESE_SURNAMES = [
  '陈', '李', '黄', '张', '刘', '何', '钟', '罗', '梁', '林',
  '王', '吴', '郭', '邓', '曾', '赖', '朱', '谢', '冯', '徐',
] as const;

export const CANTONESE_GIVEN_NAMES: readonly GivenName[] = [
  { text: '伟雄', sex: 'male' }, { text: '秀英', sex: 'female' }, { text: '志强', sex: 'male' },
  { text: '丽华', sex: 'female' }, { text: '建华', sex: 'male' }, { text: '美玲', sex: 'female' },
  { text: '国平', sex: 'male' }, { text: '桂英', sex: 'female' }, { text: '俊杰', sex: 'male' },
  { text: '惠玲', sex: 'female' }, { text: '永生', sex: 'male' }, { text: '海燕', sex: 'female' },
  { text: '少华', sex: 'male' }, { text: '淑贞', sex: 'female' }, { text: '锦华', sex: 'male' },
  { text: '月娥', sex: 'female' }, { text: '文辉', sex: 'male' }, { text: '玉梅', sex: 'female' },
  { text: '家明', sex: 'male' }, { text: '彩霞', sex: 'female' }, { text: '振声', sex: 'male' },
  { text: '碧珍', sex: 'female' }, { text: '汉标', sex: 'male' }, { text: '嘉欣', sex: 'female' },
  { text: '德明', sex: 'male' }, { text: '婉仪', sex: 'female' }, { text: '润生', sex: 'male' },
  { text: '金凤', sex: 'female' }, { text: '伟', sex: 'male' }, { text: '芳', sex: 'female' },
];

/** Common surnames in 昆明. */
export const YUNNAN_SURNAMES = [
  '李', '张', '杨', '王', '刘', '赵', '段', '普', '字', '马',
  '陈', '何', '周', '吴', '孙', '钱', '罗', '施', '杜', '尹',
] as const;

export const YUNNAN_GIVEN_NAMES: readonly GivenName[] = [
  { text: '建国', sex: 'male' }, { text: '翠芬', sex: 'female' }, { text: '云华', sex: 'male' },
  { text: '春梅', sex: 'female' }, { text: '正华', sex: 'male' }, { text: '琼芬', sex: 'female' },
  { text: '荣', sex: 'male' }, { text: '丽萍', sex: 'female' }, { text: '光明', sex: 'male' },
  { text: '绍兰', sex: 'female' }, { text: '国富', sex: 'male' }, { text: '玉仙', sex: 'female' },
  { text: '文斌', sex: 'male' }, { text: '红艳', sex: 'female' }, { text: '家顺', sex: 'male' },
  { text: '桂兰', sex: 'female' },
];
