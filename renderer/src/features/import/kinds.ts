export const importKindLabels: Record<string, string> = {
  tasks: '任务清单',
  plan: '月方案',
  progress: '月度进展',
  evaluation: '第三方评估',
};
